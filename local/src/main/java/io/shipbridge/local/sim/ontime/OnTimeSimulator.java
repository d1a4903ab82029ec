package io.shipbridge.local.sim.ontime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.Faults;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.FileExchange;
import io.shipbridge.local.sim.carrier.Milestone;
import io.shipbridge.local.sim.carrier.ShipmentBook;
import io.shipbridge.local.sim.carrier.SimulatedShipment;
import io.shipbridge.local.sim.carrier.SimulatorContext;
import io.shipbridge.local.time.SimulatedTime;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * OnTime, which has no API: the seller's manifests reach its SFTP server ({@code /entrada}) through a Transfer Family
 * connector, and its depot's mailbox by e-mail. A manifest arriving on the server "collects" its parcels (the
 * driver takes them: their milestones start then); every half hour of simulated time it drops a status file of
 * every scan since its last one under {@code tracking-imports/ontime/} in the seller's bucket, in this project's
 * status file format. Under injected faults the server refuses some uploads (the connector reports them failed),
 * and a status file may repeat rows of the previous one and carry a row Shipbridge must refuse (a shipment number
 * it never gave out).
 */
public final class OnTimeSimulator implements CarrierSimulator, FileExchange {
    static final String CUSTOMER = "C0042";
    static final String NUMBERS = "OT0010000000-OT0019999999";
    static final String CONNECTOR = "c-0a1b2c3d4e5f60718";
    static final String MAILBOX = "manifiestos@ontime.example";
    static final String DIRECTORY = "/entrada";
    private static final Duration ROUND = Duration.ofMinutes(30);
    private static final ZoneId SPAIN = ZoneId.of("Europe/Madrid");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm").withZone(SPAIN);
    private static final Map<Milestone, StatusCode> CODES = Map.of(
            Milestone.RECORDED, new StatusCode("DOC", "Documentado"),
            Milestone.PICKED_UP, new StatusCode("REC", "Recogido"),
            Milestone.OUT_FOR_DELIVERY, new StatusCode("REP", "En reparto"),
            Milestone.DELIVERED, new StatusCode("ENT", "Entregado"));

    private final SimulatedTime time;
    private final RandomGenerator random;
    private final SimulatorContext.Bucket bucket;
    private final ShipmentBook book;
    private final CallLog calls = new CallLog();
    private final Set<String> collected = ConcurrentHashMap.newKeySet();
    private final Map<LocalDate, Integer> manifestsByDay = new TreeMap<>();
    private final AtomicInteger mails = new AtomicInteger();
    private final AtomicInteger refusedUploads = new AtomicInteger();
    private final Map<String, Integer> reported = new ConcurrentHashMap<>();
    private final AtomicBoolean working = new AtomicBoolean();
    private final AtomicInteger files = new AtomicInteger();
    private final SimulatedTime.Timer rounds;
    private volatile Faults faults = Faults.NONE;
    private List<String> lastRows = List.of();

    OnTimeSimulator(SimulatorContext context) {
        this.time = context.time();
        this.random = context.random();
        this.bucket = context.bucket();
        this.book = new ShipmentBook(OnTimeSimulatorModule.ID, context);
        this.rounds = bucket == null ? null : time.every(ROUND, this::reportScans);
    }

    @Override
    public String carrierId() {
        return OnTimeSimulatorModule.ID;
    }

    /** No API: where it drops its files. */
    @Override
    public URI baseUrl() {
        return URI.create("s3://seller-bucket/tracking-imports/ontime/");
    }

    @Override
    public Map<String, String> templateParameters() {
        return Map.of("OnTimeCustomerCode", CUSTOMER, "OnTimeShipmentNumbers", NUMBERS,
                "OnTimeManifestSftpConnectorId", CONNECTOR, "OnTimeManifestSftpDirectory", DIRECTORY,
                "OnTimeManifestEmail", MAILBOX);
    }

    @Override
    public ObjectNode secret() {
        return Json.MAPPER.createObjectNode();
    }

    @Override
    public ShipmentBook shipments() {
        return book;
    }

    @Override
    public CallLog calls() {
        return calls;
    }

    @Override
    public void faults(Faults injected) {
        this.faults = injected;
    }

    @Override
    public StatusCode codeOf(Milestone milestone) {
        return CODES.get(milestone);
    }

    @Override
    public boolean pushedByAggregator() {
        return false;
    }

    @Override
    public synchronized Map<LocalDate, Integer> handoversByDay() {
        return Map.copyOf(manifestsByDay);
    }

    @Override
    public int filesDropped() {
        return files.get();
    }

    @Override
    public String sftpConnector() {
        return CONNECTOR;
    }

    @Override
    public String mailbox() {
        return MAILBOX;
    }

    @Override
    public int mails() {
        return mails.get();
    }

    @Override
    public int refusedUploads() {
        return refusedUploads.get();
    }

    @Override
    public void receiveFile(String path, byte[] content) throws IOException {
        if (faults.draw(random) == Faults.Kind.SERVER_ERROR) {
            refusedUploads.incrementAndGet();
            calls.add(new CallLog.Call(time.instant(), "sftp_upload", path, 500, CallLog.Outcome.FAULT,
                    "connection reset"));
            throw new IOException("Connection reset by peer");
        }
        calls.add(new CallLog.Call(time.instant(), "sftp_upload", path, 200, CallLog.Outcome.APPLIED, null));
        if (path.endsWith(".csv") && collected.add(path)) {
            collect(path, content);
        }
    }

    @Override
    public void receiveMail(String subject, List<String> attachments) {
        mails.incrementAndGet();
        calls.add(new CallLog.Call(time.instant(), "receive_mail", subject, 200, CallLog.Outcome.APPLIED,
                String.join(", ", attachments)));
    }

    /** One round at a time: a round already under way reports what this one would. */
    @Override
    public void reportScans() {
        if (working.compareAndSet(false, true)) {
            try {
                dropStatusFile();
            } finally {
                working.set(false);
            }
        }
    }

    private void collect(String key, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        LocalDate day = null;
        try (CSVParser csv = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            for (CSVRecord row : csv) {
                day = LocalDate.parse(row.get("manifest_date"));
                ObjectNode line = Json.MAPPER.createObjectNode();
                row.toMap().forEach(line::put);
                if (book.byTrackingNumber(row.get("shipment_number")).isEmpty()) {
                    book.record(row.get("shipment_number"), null, row.get("reference"), row.get("postcode"),
                            row.get("country"), Integer.parseInt(row.get("parcels")), line);
                }
            }
        } catch (IOException | RuntimeException e) {
            calls.add(new CallLog.Call(time.instant(), "collect_manifest", key, 400, CallLog.Outcome.REJECTED,
                    "unreadable manifest: " + e.getMessage()));
            return;
        }
        if (day != null) {
            synchronized (this) {
                manifestsByDay.merge(day, 1, Integer::sum);
            }
        }
        calls.add(new CallLog.Call(time.instant(), "collect_manifest", key, 200, CallLog.Outcome.APPLIED, null));
    }

    private void dropStatusFile() {
        Instant now = time.instant();
        List<String> rows = new ArrayList<>();
        for (SimulatedShipment shipment : book.all()) {
            List<Map.Entry<Milestone, Instant>> reached = shipment.reachedBy(now);
            int already = reported.getOrDefault(shipment.trackingNumber(), 0);
            for (Map.Entry<Milestone, Instant> scan : reached.subList(Math.min(already, reached.size()),
                    reached.size())) {
                rows.add(row(shipment.trackingNumber(), CODES.get(scan.getKey()), scan.getValue(), "VALENCIA"));
            }
            reported.put(shipment.trackingNumber(), reached.size());
        }
        if (rows.isEmpty()) {
            return;
        }
        List<String> content = new ArrayList<>(rows);
        if (faults.duplicate(random)) {
            content.addAll(lastRows);
            content.add(row("OT9999999999", CODES.get(Milestone.DELIVERED), now, "VALENCIA"));
        }
        lastRows = rows;
        String key = "tracking-imports/ontime/status-" + FILE_TIME.format(now) + ".csv";
        bucket.put(key, ("shipment_number,status_code,event_time,location,description\r\n" + String.join("", content))
                .getBytes(StandardCharsets.UTF_8));
        files.incrementAndGet();
        calls.add(new CallLog.Call(now, "drop_status_file", key, 200, CallLog.Outcome.APPLIED, rows.size()
                + " rows"));
    }

    private static String row(String number, StatusCode code, Instant at, String location) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
            csv.printRecord(number, code.code(), at.atZone(SPAIN).toOffsetDateTime(), location, code.description());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (rounds != null) {
            rounds.cancel();
        }
    }
}
