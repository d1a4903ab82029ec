package io.shipbridge.local.sim.canadapost;

import static io.shipbridge.carrier.XmlElements.child;
import static io.shipbridge.carrier.XmlElements.name;
import static io.shipbridge.carrier.XmlElements.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.shipbridge.carrier.XmlElements;
import io.shipbridge.config.Json;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.HttpService;
import io.shipbridge.local.sim.carrier.HttpCarrierSimulator;
import io.shipbridge.local.sim.carrier.LabelBytes;
import io.shipbridge.local.sim.carrier.Milestone;
import io.shipbridge.local.sim.carrier.SimulatedEndpoint;
import io.shipbridge.local.sim.carrier.SimulatedEndpoint.Reply;
import io.shipbridge.local.sim.carrier.SimulatedShipment;
import io.shipbridge.local.sim.carrier.SimulatorContext;
import io.shipbridge.local.time.SimulatedTime;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Canada Post's REST web services, with state: HTTP Basic with an API key tied to one customer, versioned media
 * types checked in {@code Accept} and {@code Content-Type}; contract shipments in groups (found again by
 * {@code customer-request-id}, voided until transmitted), non-contract shipments, labels and manifests as raw PDF or
 * ZPL artifacts, the transmit of groups into manifests (nothing left to transmit: 9122; an unknown group: 9118), and
 * tracking by PIN whose scans begin only once the shipment is transmitted (the driver collects the manifested
 * parcels). Errors are {@code messages} documents with Canada Post's codes.
 */
public final class CanadaPostSimulator extends HttpCarrierSimulator {
    static final String CUSTOMER = "2004381";
    static final String CONTRACT = "42708517";
    static final String USERNAME = "6e93d53968881714";
    static final String PASSWORD = "0bfa9fcb9853d1f51ee57a";
    static final String SHIPMENT_MEDIA = "application/vnd.cpc.shipment-v8+xml";
    static final String NC_MEDIA = "application/vnd.cpc.ncshipment-v4+xml";
    static final String MANIFEST_MEDIA = "application/vnd.cpc.manifest-v8+xml";
    static final String TRACK_MEDIA = "application/vnd.cpc.track-v2+xml";
    private static final String SHIPMENT_NS = "http://www.canadapost.ca/ws/shipment-v8";
    private static final String NC_NS = "http://www.canadapost.ca/ws/ncshipment-v4";
    private static final String MANIFEST_NS = "http://www.canadapost.ca/ws/manifest-v8";
    private static final String TRACK_NS = "http://www.canadapost.ca/ws/track-v2";
    private static final String MESSAGES_NS = "http://www.canadapost.ca/ws/messages";
    private static final ZoneId CANADA = ZoneId.of("America/Toronto");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Pattern POSTAL_CODE = Pattern.compile("[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z]\\d[ABCEGHJ-NPRSTV-Z]\\d");
    private static final Set<String> SERVICES = Set.of("DOM.EP", "DOM.RP", "DOM.XP", "DOM.PC");
    private static final Set<String> PROVINCES = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE",
            "QC", "SK", "YT");
    private static final Map<Milestone, StatusCode> CODES = Map.of(
            Milestone.RECORDED, new StatusCode("3000", "Electronic information submitted by shipper"),
            Milestone.PICKED_UP, new StatusCode("2300", "Item picked up by Canada Post"),
            Milestone.OUT_FOR_DELIVERY, new StatusCode("174", "Item out for delivery"),
            Milestone.DELIVERED, new StatusCode("1496", "Delivered"));
    private static final Pattern SHIPMENT = Pattern.compile("/rs/(\\d+)/(\\d+)/shipment(?:/(\\d+)(/details)?)?");
    private static final Pattern NC_SHIPMENT = Pattern.compile("/rs/(\\d+)/ncshipment(?:/(\\d+)(/details)?)?");
    private static final Pattern MANIFEST = Pattern.compile("/rs/(\\d+)/(\\d+)/manifest(?:/(\\d+))?");
    private static final Pattern ARTIFACT = Pattern.compile("/rs/artifact/([0-9a-f]+)/(\\d+)/(\\d+)");
    private static final Pattern TRACK = Pattern.compile("/vis/track/pin/(\\d+)/(summary|detail)");

    /** What Canada Post keeps of a shipment beyond the shared book. */
    private record Recorded(SimulatedShipment shipment, String requestId, String group, String encoding,
            boolean contract, String labelArtifact, String[] manifestId) {

        String id() {
            return shipment.carrierShipmentId();
        }

        boolean transmitted() {
            return manifestId[0] != null;
        }
    }

    /** A manifest: its number, when it was made, its shipments and its printable document. */
    private record Manifest(String id, String poNumber, Instant at, List<String> groups, List<String> shipmentIds,
            String artifactId) {
    }

    private final SimulatedTime time;
    private final AtomicLong sequence = new AtomicLong(100_000L);
    private final Map<String, Recorded> byId = new ConcurrentHashMap<>();
    private final Map<String, Manifest> manifests = new ConcurrentHashMap<>();
    private final Map<String, String> artifacts = new ConcurrentHashMap<>();
    private final List<Manifest> made = new CopyOnWriteArrayList<>();
    private volatile boolean refusingTransmits;

    CanadaPostSimulator(SimulatorContext context) {
        super(CanadaPostSimulatorModule.ID, context, SimulatedEndpoint.Failures.of(
                Reply.of(429, "application/vnd.cpc.messages+xml", messagesText("Server", "Rejected by SLM Monitor"),
                        CallLog.Outcome.FAULT),
                Reply.of(503, "text/html", "<html><head><title>503 Service Unavailable</title></head><body><h1>"
                        + "Service Unavailable</h1></body></html>", CallLog.Outcome.FAULT)), CODES);
        this.time = context.time();
    }

    @Override
    public URI baseUrl() {
        return http.baseUrl();
    }

    @Override
    public Map<String, String> templateParameters() {
        return Map.of("CanadaPostBaseUrl", baseUrl().toString(), "CanadaPostCustomerNumber", CUSTOMER,
                "CanadaPostUsername", USERNAME, "CanadaPostContractId", CONTRACT);
    }

    @Override
    public ObjectNode secret() {
        return Json.MAPPER.createObjectNode().put("password", PASSWORD);
    }

    @Override
    public Map<String, String> functionSettings() {
        return Map.of("CANADAPOST_TIMEOUT_SECONDS", "2");
    }

    /** While true, every transmit meets a server error page, as during an outage of the manifest service. */
    public void refuseTransmits(boolean refusing) {
        refusingTransmits = refusing;
    }

    /** The manifests made so far: their numbers, and the references of the shipments each holds. */
    public Map<String, List<String>> manifests() {
        Map<String, List<String>> byNumber = new TreeMap<>();
        made.forEach(manifest -> byNumber.put(manifest.poNumber(), manifest.shipmentIds().stream()
                .map(id -> byId.get(id).shipment().reference()).sorted().toList()));
        return byNumber;
    }

    /** The manifests transmits made, by the day (in Canada Post's time) they were made. */
    @Override
    public Map<LocalDate, Integer> handoversByDay() {
        Map<LocalDate, Integer> byDay = new TreeMap<>();
        made.forEach(manifest -> byDay.merge(LocalDate.ofInstant(manifest.at(), CANADA), 1, Integer::sum));
        return byDay;
    }

    /** Contract shipments neither transmitted nor voided: Canada Post would bill them at full rates. */
    @Override
    public List<String> notHandedOver() {
        return byId.values().stream().filter(r -> r.contract() && !r.transmitted() && !r.shipment().isCancelled())
                .map(r -> r.shipment().reference()).sorted().toList();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = HttpService.query(exchange.getRequestURI());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Matcher shipment = SHIPMENT.matcher(path);
        Matcher nc = NC_SHIPMENT.matcher(path);
        Matcher manifest = MANIFEST.matcher(path);
        Matcher artifact = ARTIFACT.matcher(path);
        Matcher track = TRACK.matcher(path);
        Element document = body.isBlank() ? null : XmlElements.parse(body).orElse(null);
        String reference = document == null ? null : Optional.ofNullable(child(document, "delivery-spec")
                .map(spec -> text(spec, "references", "customer-ref-1")).orElse(null)).orElse(null);
        String operation;
        String key = null;
        boolean creates = false;
        if (shipment.matches()) {
            operation = switch (method) {
                case "POST" -> "create_shipment";
                case "DELETE" -> "void_shipment";
                default -> shipment.group(3) == null ? "get_shipments" : "get_shipment";
            };
            key = method.equals("POST") ? reference : shipment.group(3);
            creates = method.equals("POST");
        } else if (nc.matches()) {
            operation = method.equals("POST") ? "create_nc_shipment" : nc.group(2) == null ? "get_nc_shipments"
                    : "get_nc_shipment";
            key = method.equals("POST") ? reference : nc.group(2);
            creates = method.equals("POST");
        } else if (manifest.matches()) {
            operation = method.equals("POST") ? "transmit" : manifest.group(3) == null ? "get_manifests"
                    : "get_manifest";
            key = manifest.group(3);
        } else if (artifact.matches()) {
            operation = "get_artifact";
            key = artifact.group(2);
        } else if (track.matches()) {
            operation = "track_" + track.group(2);
            key = track.group(1);
        } else {
            operation = "unknown";
        }
        SimulatedEndpoint.Scripted scripted = creates ? book.scripted(reference, true)
                : SimulatedEndpoint.Scripted.NONE;
        String customer = shipment.matches() ? shipment.group(1) : nc.matches() ? nc.group(1)
                : manifest.matches() ? manifest.group(1) : CUSTOMER;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        endpoint.answer(exchange, operation, key, scripted, () -> {
            if (operation.equals("unknown")) {
                return error(404, "Server", "Resource not found: " + method + " " + path);
            }
            if (!authorized(authorization)) {
                return error(401, "E002", "AAA Authentication Failure");
            }
            if (!customer.equals(CUSTOMER) || shipment.matches() && !shipment.group(2).equals(CUSTOMER)
                    || manifest.matches() && !manifest.group(2).equals(CUSTOMER)) {
                return error(403, "AA003", "The API key does not match the mailed-by customer " + customer);
            }
            String expected = artifact.matches() ? null : shipment.matches() ? SHIPMENT_MEDIA : nc.matches()
                    ? NC_MEDIA : manifest.matches() ? MANIFEST_MEDIA : TRACK_MEDIA;
            if (expected != null && !expected.equals(accept)) {
                return error(406, "Server", "Accept header " + accept + " is not " + expected);
            }
            if (method.equals("POST") && !expected.equals(contentType)) {
                return error(415, "Server", "Content-Type " + contentType + " is not " + expected);
            }
            if (method.equals("POST") && document == null) {
                return error(400, "Server", "cvc-elt.1: the request is not well-formed XML");
            }
            if (shipment.matches()) {
                return switch (method) {
                    case "POST" -> create(document, true);
                    case "DELETE" -> voidShipment(shipment.group(3));
                    default -> shipment.group(3) == null ? search(query) : describe(shipment.group(3),
                            shipment.group(4) != null, true);
                };
            }
            if (nc.matches()) {
                return method.equals("POST") ? create(document, false) : nc.group(2) == null ? searchNonContract(query)
                        : describe(nc.group(2), nc.group(3) != null, false);
            }
            if (manifest.matches()) {
                return method.equals("POST") ? transmit(document) : manifest.group(3) == null
                        ? manifestsSince(query) : manifest(manifest.group(3));
            }
            if (artifact.matches()) {
                return artifact(artifact.group(1), artifact.group(2), accept);
            }
            return tracking(track.group(1), track.group(2).equals("detail"));
        });
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        return decoded.equals(USERNAME + ":" + PASSWORD);
    }

    private Reply create(Element request, boolean contract) {
        if (!name(request).equals(contract ? "shipment" : "non-contract-shipment")
                || !(contract ? SHIPMENT_NS : NC_NS).equals(request.getNamespaceURI())) {
            return error(400, "Server", "cvc-elt.1: Cannot find the declaration of element '" + name(request) + "'");
        }
        Optional<String> problem = problem(request, contract);
        if (problem.isPresent()) {
            String[] codeAndText = problem.get().split(" ", 2);
            return error(400, codeAndText[0], codeAndText[1]);
        }
        Element spec = child(request, "delivery-spec").orElseThrow();
        String group = text(request, "group-id");
        long number = sequence.getAndIncrement();
        String id = String.format("34788%013d", number);
        String pin = String.format("70232100%08d", number);
        String encoding = Optional.ofNullable(text(spec, "print-preferences", "encoding")).orElse("PDF");
        String labelArtifact = Long.toString(10_000_000L + number);
        artifacts.put(labelArtifact, id);
        Element destination = child(spec, "destination").orElseThrow();
        String postcode = text(destination, "address-details", "postal-zip-code");
        ObjectNode recorded = Json.MAPPER.createObjectNode().put("group", group).put("service",
                text(spec, "service-code")).put("weight", text(spec, "parcel-characteristics", "weight"))
                .put("province", text(destination, "address-details", "prov-state"))
                .put("requestId", text(request, "customer-request-id"));
        SimulatedShipment shipment = book.record(pin, id, text(spec, "references", "customer-ref-1"), postcode, "CA",
                1, recorded);
        if (contract) {
            book.holdUntilHandover(shipment);
        }
        Recorded entry = new Recorded(shipment, text(request, "customer-request-id"), group, encoding, contract,
                labelArtifact, new String[] {null});
        byId.put(id, entry);
        return Reply.of(200, contract ? SHIPMENT_MEDIA : NC_MEDIA, info(entry), CallLog.Outcome.APPLIED);
    }

    /** The first thing Canada Post would refuse in a create request, as "code text", or empty. */
    private Optional<String> problem(Element request, boolean contract) {
        String group = text(request, "group-id");
        boolean transmitNow = child(request, "transmit-shipment").isPresent();
        if (contract && (group == null) == !transmitNow) {
            return Optional.of("9112 Either group-id or transmit-shipment is required, not both");
        }
        if (group != null && group.length() > 32 || length(text(request, "customer-request-id")) > 35) {
            return Optional.of("Server cvc-maxLength-valid: group-id or customer-request-id too long");
        }
        if (!matches(text(request, "requested-shipping-point"))) {
            return Optional.of("Server cvc-pattern-valid: requested-shipping-point must match [A-Z]\\d[A-Z]\\d[A-Z]\\d");
        }
        Optional<Element> specElement = child(request, "delivery-spec");
        if (specElement.isEmpty()) {
            return Optional.of("Server cvc-complex-type.2.4.a: delivery-spec is expected");
        }
        Element spec = specElement.get();
        if (!SERVICES.contains(Optional.ofNullable(text(spec, "service-code")).orElse(""))) {
            return Optional.of("10028 Invalid service code: " + text(spec, "service-code"));
        }
        Optional<Element> sender = child(spec, "sender");
        if (sender.isEmpty() || text(sender.get(), "company") == null) {
            return Optional.of("Server cvc-complex-type.2.4.a: sender/company is expected");
        }
        if (text(sender.get(), "contact-phone") == null) {
            return Optional.of("2695 Contact Phone number is a required field");
        }
        Optional<String> from = address(sender.get(), "sender", contract);
        if (from.isPresent()) {
            return from;
        }
        Optional<Element> destination = child(spec, "destination");
        if (destination.isEmpty()) {
            return Optional.of("Server cvc-complex-type.2.4.a: destination is expected");
        }
        if (!"CA".equals(text(destination.get(), "address-details", "country-code"))) {
            return Optional.of("3000 The service " + text(spec, "service-code") + " is not available for country "
                    + text(destination.get(), "address-details", "country-code"));
        }
        Optional<String> to = address(destination.get(), "destination", true);
        if (to.isPresent()) {
            return to;
        }
        String weight = Optional.ofNullable(text(spec, "parcel-characteristics", "weight")).orElse("");
        if (!weight.matches("\\d{1,3}(\\.\\d{1,3})?") || new BigDecimal(weight).signum() <= 0) {
            return Optional.of("Server cvc-pattern-valid: parcel-characteristics/weight '" + weight + "'");
        }
        if (new BigDecimal(weight).compareTo(new BigDecimal("30")) > 0) {
            return Optional.of("9111 The weight exceeds 30 kg: no service is appropriate for this parcel");
        }
        if ("ZPL".equals(text(spec, "print-preferences", "encoding"))
                && !"4x6".equals(text(spec, "print-preferences", "output-format"))) {
            return Optional.of("9191 ZPL labels are only available in 4x6");
        }
        if (child(spec, "preferences").isEmpty()) {
            return Optional.of("Server cvc-complex-type.2.4.a: preferences is expected");
        }
        if (length(text(spec, "references", "customer-ref-1")) > 35) {
            return Optional.of("Server cvc-maxLength-valid: customer-ref-1 is longer than 35");
        }
        if (contract && !CONTRACT.equals(text(spec, "settlement-info", "contract-id"))) {
            return Optional.of("2550 The contract-id " + text(spec, "settlement-info", "contract-id")
                    + " is not valid for the customer");
        }
        if (contract && !Set.of("Account", "CreditCard").contains(Optional.ofNullable(
                text(spec, "settlement-info", "intended-method-of-payment")).orElse(""))) {
            return Optional.of("1711 Invalid Method of Payment");
        }
        return Optional.empty();
    }

    private static Optional<String> address(Element party, String role, boolean withCountry) {
        Optional<Element> details = child(party, "address-details");
        if (details.isEmpty()) {
            return Optional.of("Server cvc-complex-type.2.4.a: " + role + "/address-details is expected");
        }
        String line = text(details.get(), "address-line-1");
        String name = role.equals("destination") ? text(party, "name") : text(party, "company");
        if (line == null) {
            return Optional.of("1156 Address line 1 of the " + role + " is mandatory");
        }
        if (length(line) > 44 || length(text(details.get(), "address-line-2")) > 44 || length(name) > 44) {
            return Optional.of("Server cvc-maxLength-valid: a " + role + " name or address line is longer than 44");
        }
        if (text(details.get(), "city") == null || length(text(details.get(), "city")) > 40) {
            return Optional.of("1157 City of the " + role + " is mandatory (at most 40)");
        }
        if (!PROVINCES.contains(Optional.ofNullable(text(details.get(), "prov-state")).orElse(""))) {
            return Optional.of("1159 Province of the " + role + " is mandatory and must be a Canadian province");
        }
        if (withCountry && role.equals("sender") && !"CA".equals(text(details.get(), "country-code"))) {
            return Optional.of("Server cvc-complex-type.2.4.a: sender country-code CA is expected");
        }
        if (!matches(text(details.get(), "postal-zip-code"))) {
            return Optional.of("Server cvc-pattern-valid: " + role + " postal-zip-code '"
                    + text(details.get(), "postal-zip-code") + "' must match [A-Z]\\d[A-Z]\\d[A-Z]\\d");
        }
        return Optional.empty();
    }

    private String info(Recorded entry) {
        String root = entry.contract() ? base() + "/rs/" + CUSTOMER + "/" + CUSTOMER + "/shipment/" + entry.id()
                : base() + "/rs/" + CUSTOMER + "/ncshipment/" + entry.id();
        String media = entry.contract() ? SHIPMENT_MEDIA : NC_MEDIA;
        Xml xml = new Xml(entry.contract() ? "shipment-info" : "non-contract-shipment-info",
                entry.contract() ? SHIPMENT_NS : NC_NS)
                .leaf("shipment-id", entry.id());
        if (entry.contract()) {
            xml.leaf("shipment-status", entry.shipment().isCancelled() ? "voided" : entry.transmitted()
                    ? "transmitted" : "created");
        }
        xml.leaf("tracking-pin", entry.shipment().trackingNumber()).open("links")
                .link("self", root, media)
                .link("details", root + "/details", media);
        if (entry.contract()) {
            xml.link("group", base() + "/rs/" + CUSTOMER + "/" + CUSTOMER + "/shipment?groupId=" + entry.group(), media);
        }
        xml.link("label", base() + "/rs/artifact/" + USERNAME + "/" + entry.labelArtifact() + "/0",
                entry.encoding().equals("ZPL") ? "application/zpl" : "application/pdf");
        return xml.end();
    }

    private Reply describe(String id, boolean details, boolean contract) {
        Recorded entry = byId.get(id);
        if (entry == null || entry.contract() != contract || entry.shipment().isCancelled()) {
            return error(404, "Server", "Invalid / expired link");
        }
        if (!details) {
            return Reply.of(200, contract ? SHIPMENT_MEDIA : NC_MEDIA, info(entry), CallLog.Outcome.NO_CHANGE);
        }
        Xml xml = new Xml(contract ? "shipment-details" : "non-contract-shipment-details", contract ? SHIPMENT_NS
                : NC_NS).leaf("tracking-pin", entry.shipment().trackingNumber());
        if (contract) {
            xml.open("shipment-detail").leaf("group-id", entry.group());
        }
        xml.open("delivery-spec").open("references").leaf("customer-ref-1", entry.shipment().reference());
        return Reply.of(200, contract ? SHIPMENT_MEDIA : NC_MEDIA, xml.end(), CallLog.Outcome.NO_CHANGE);
    }

    private Reply search(Map<String, String> query) {
        List<Recorded> found = byId.values().stream().filter(Recorded::contract)
                .filter(r -> !r.shipment().isCancelled())
                .filter(r -> query.containsKey("requestId") ? query.get("requestId").equals(r.requestId())
                        : query.containsKey("groupId") ? query.get("groupId").equals(r.group()) && !r.transmitted()
                        : query.containsKey("trackingPIN") && query.get("trackingPIN").equals(
                                r.shipment().trackingNumber()))
                .sorted(java.util.Comparator.comparing(Recorded::id)).toList();
        if (query.keySet().stream().noneMatch(Set.of("requestId", "groupId", "trackingPIN")::contains)) {
            return error(400, "Server", "One of groupId, trackingPIN or requestId is required");
        }
        Xml xml = new Xml("shipments", SHIPMENT_NS);
        found.forEach(r -> xml.link("shipment", base() + "/rs/" + CUSTOMER + "/" + CUSTOMER + "/shipment/" + r.id(),
                SHIPMENT_MEDIA));
        return Reply.of(200, SHIPMENT_MEDIA, xml.end(), CallLog.Outcome.NO_CHANGE);
    }

    private Reply searchNonContract(Map<String, String> query) {
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("uuuuMMddHHmm").withZone(java.time.ZoneOffset.UTC);
        Instant from;
        Instant to;
        try {
            from = Instant.from(minute.parse(query.getOrDefault("from", "")));
            to = Instant.from(minute.parse(query.getOrDefault("to", "")));
        } catch (RuntimeException e) {
            return error(400, "Server", "from and to (YYYYMMDDHHMM) are required");
        }
        Xml xml = new Xml("non-contract-shipments", NC_NS);
        byId.values().stream().filter(r -> !r.contract())
                .filter(r -> !r.shipment().recordedAt().isBefore(from) && !r.shipment().recordedAt().isAfter(to))
                .sorted(java.util.Comparator.comparing(Recorded::id))
                .forEach(r -> xml.link("shipment", base() + "/rs/" + CUSTOMER + "/ncshipment/" + r.id(), NC_MEDIA));
        return Reply.of(200, NC_MEDIA, xml.end(), CallLog.Outcome.NO_CHANGE);
    }

    private Reply voidShipment(String id) {
        Recorded entry = byId.get(id);
        if (entry == null || entry.shipment().isCancelled() || !entry.contract()) {
            return Reply.of(404, "application/vnd.cpc.messages+xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<messages xmlns=\"" + MESSAGES_NS + "\"/>", CallLog.Outcome.NO_CHANGE);
        }
        synchronized (this) {
            if (entry.transmitted()) {
                return error(400, "8064", "A Shipment can only be void if it is in a PROCESSED or PRINTED state."
                        + " If it has been transmitted, a Refund request should be submitted.");
            }
            book.cancel(entry.shipment());
        }
        return Reply.of(204, null, "", CallLog.Outcome.APPLIED);
    }

    private synchronized Reply transmit(Element request) {
        if (refusingTransmits) {
            return Reply.of(503, "text/html", "<html><head><title>503 Service Unavailable</title></head><body><h1>"
                    + "Service Unavailable</h1></body></html>", CallLog.Outcome.REJECTED);
        }
        if (!name(request).equals("transmit-set") || !MANIFEST_NS.equals(request.getNamespaceURI())) {
            return error(400, "Server", "cvc-elt.1: Cannot find the declaration of element '" + name(request) + "'");
        }
        if (!matches(text(request, "requested-shipping-point")) || child(request, "manifest-address").isEmpty()
                || !Set.of("Account", "CreditCard").contains(Optional.ofNullable(text(request, "method-of-payment"))
                        .orElse("")) || text(request, "detailed-manifests") == null) {
            return error(400, "Server", "cvc-complex-type.2.4.a: requested-shipping-point, detailed-manifests,"
                    + " method-of-payment and manifest-address are expected");
        }
        List<String> groups = child(request, "group-ids").map(ids -> XmlElements.children(ids, "group-id").stream()
                .map(e -> e.getTextContent().trim()).toList()).orElse(List.of());
        if (groups.isEmpty()) {
            return error(400, "Server", "cvc-complex-type.2.4.b: group-ids needs a group-id");
        }
        for (String group : groups) {
            if (byId.values().stream().noneMatch(r -> group.equals(r.group()))) {
                return error(400, "9118", "Group id " + group + " was not found for transmission; please remove or"
                        + " correct.");
            }
        }
        List<Recorded> waiting = byId.values().stream().filter(r -> r.contract() && groups.contains(r.group())
                && !r.transmitted() && !r.shipment().isCancelled()).sorted(java.util.Comparator.comparing(Recorded::id))
                .toList();
        if (waiting.isEmpty()) {
            return error(400, "9122", "All groups in the transmit request were empty or all shipments were excluded;"
                    + " there was nothing to transmit.");
        }
        long number = sequence.getAndIncrement();
        String id = String.format("%018d", number);
        Manifest manifest = new Manifest(id, String.format("P%09d", number), time.instant(), groups,
                waiting.stream().map(Recorded::id).toList(), Long.toString(20_000_000L + number));
        artifacts.put(manifest.artifactId(), "manifest:" + id);
        manifests.put(id, manifest);
        made.add(manifest);
        for (Recorded entry : waiting) {
            entry.manifestId()[0] = id;
            book.handedOver(entry.shipment());
        }
        Xml xml = new Xml("manifests", MANIFEST_NS)
                .link("manifest", base() + "/rs/" + CUSTOMER + "/" + CUSTOMER + "/manifest/" + id, MANIFEST_MEDIA);
        return Reply.of(200, MANIFEST_MEDIA, xml.end(), CallLog.Outcome.APPLIED);
    }

    private Reply manifestsSince(Map<String, String> query) {
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(query.getOrDefault("start", ""), DAY);
            end = query.containsKey("end") ? LocalDate.parse(query.get("end"), DAY)
                    : LocalDate.ofInstant(time.instant(), CANADA);
        } catch (RuntimeException e) {
            return error(400, "Server", "start (YYYYMMDD) is required");
        }
        if (start.isAfter(end)) {
            return error(400, "Server", "The start date cannot be a later date than the end date.");
        }
        Xml xml = new Xml("manifests", MANIFEST_NS);
        made.stream().filter(m -> {
            LocalDate day = LocalDate.ofInstant(m.at(), CANADA);
            return !day.isBefore(start) && !day.isAfter(end);
        }).forEach(m -> xml.link("manifest", base() + "/rs/" + CUSTOMER + "/" + CUSTOMER + "/manifest/" + m.id(),
                MANIFEST_MEDIA));
        return Reply.of(200, MANIFEST_MEDIA, xml.end(), CallLog.Outcome.NO_CHANGE);
    }

    private Reply manifest(String id) {
        Manifest manifest = manifests.get(id);
        if (manifest == null) {
            return error(404, "Server", "Invalid / expired link");
        }
        String self = base() + "/rs/" + CUSTOMER + "/" + CUSTOMER + "/manifest/" + id;
        Xml xml = new Xml("manifest", MANIFEST_NS).leaf("po-number", manifest.poNumber()).open("links")
                .link("self", self, MANIFEST_MEDIA)
                .link("details", self + "/details", MANIFEST_MEDIA)
                .link("manifestShipments", base() + "/rs/" + CUSTOMER + "/" + CUSTOMER + "/shipment?manifestId=" + id,
                        SHIPMENT_MEDIA)
                .link("artifact", base() + "/rs/artifact/" + USERNAME + "/" + manifest.artifactId() + "/0",
                        "application/pdf");
        return Reply.of(200, MANIFEST_MEDIA, xml.end(), CallLog.Outcome.NO_CHANGE);
    }

    private Reply artifact(String user, String artifactId, String accept) {
        String of = artifacts.get(artifactId);
        if (!USERNAME.equals(user) || of == null) {
            return error(404, "Server", "Invalid / expired link");
        }
        if (of.startsWith("manifest:")) {
            Manifest manifest = manifests.get(of.substring("manifest:".length()));
            if (!"application/pdf".equals(accept)) {
                return error(406, "Server", "A manifest is available as application/pdf");
            }
            List<String> lines = new ArrayList<>(List.of("Canada Post - Manifest " + manifest.poNumber(),
                    "Customer " + CUSTOMER + "  Contract " + CONTRACT, "Groups " + String.join(", ", manifest.groups()),
                    manifest.shipmentIds().size() + " shipments"));
            manifest.shipmentIds().stream().limit(12).forEach(id -> lines.add(byId.get(id).shipment()
                    .trackingNumber()));
            return new Reply(200, "application/pdf", LabelBytes.pdf(lines), CallLog.Outcome.NO_CHANGE, null);
        }
        Recorded entry = byId.get(of);
        String wanted = entry.encoding().equals("ZPL") ? "application/zpl" : "application/pdf";
        if (!wanted.equals(accept)) {
            return error(406, "Server", "This label is " + wanted);
        }
        List<String> lines = List.of("Canada Post " + (entry.contract() ? "Expedited Parcel" : "Solutions"),
                "PIN " + entry.shipment().trackingNumber(), "Ref " + entry.shipment().reference(),
                "To " + entry.shipment().postcode());
        return new Reply(200, wanted, wanted.equals("application/zpl") ? LabelBytes.zpl(lines) : LabelBytes.pdf(lines),
                CallLog.Outcome.NO_CHANGE, null);
    }

    private Reply tracking(String pin, boolean detail) {
        Optional<SimulatedShipment> found = book.byTrackingNumber(pin);
        if (found.isEmpty()) {
            return Reply.of(404, TRACK_MEDIA, messagesText("004", "No Pin History"), CallLog.Outcome.NO_CHANGE);
        }
        SimulatedShipment shipment = found.get();
        List<Map.Entry<Milestone, Instant>> reached = new ArrayList<>(shipment.reachedBy(time.instant()));
        java.util.Collections.reverse(reached);
        if (!detail) {
            Map.Entry<Milestone, Instant> latest = reached.get(0);
            Xml xml = new Xml("tracking-summary", TRACK_NS).open("pin-summary").leaf("pin", pin)
                    .leaf("event-date-time", DateTimeFormatter.ofPattern("uuuuMMdd:HHmmss").withZone(CANADA)
                            .format(latest.getValue()))
                    .leaf("event-description", CODES.get(latest.getKey()).description())
                    .leaf("customer-ref-1", shipment.reference());
            return Reply.of(200, TRACK_MEDIA, xml.end(), CallLog.Outcome.NO_CHANGE);
        }
        Xml xml = new Xml("tracking-detail", TRACK_NS).leaf("pin", pin).leaf("customer-ref-1", shipment.reference())
                .open("significant-events");
        for (Map.Entry<Milestone, Instant> event : reached) {
            java.time.ZonedDateTime local = event.getValue().atZone(CANADA);
            StatusCode code = CODES.get(event.getKey());
            xml.open("occurrence")
                    .leaf("event-identifier", String.format("%04d", Integer.parseInt(code.code())))
                    .leaf("event-date", local.toLocalDate().toString())
                    .leaf("event-time", TIME.format(local))
                    .leaf("event-time-zone", local.getZone().getRules().isDaylightSavings(event.getValue()) ? "EDT"
                            : "EST")
                    .leaf("event-description", code.description())
                    .leaf("event-site", "OTTAWA")
                    .leaf("event-province", "ON")
                    .close();
        }
        return Reply.of(200, TRACK_MEDIA, xml.end(), CallLog.Outcome.NO_CHANGE);
    }

    private String base() {
        return http.baseUrl().toString();
    }

    private static boolean matches(String postalCode) {
        return postalCode != null && POSTAL_CODE.matcher(postalCode).matches();
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static Reply error(int status, String code, String description) {
        return Reply.of(status, "application/vnd.cpc.messages+xml", messagesText(code, description),
                CallLog.Outcome.REJECTED);
    }

    private static String messagesText(String code, String description) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><messages xmlns=\"" + MESSAGES_NS + "\"><message><code>"
                + Xml.escape(code) + "</code><description>" + Xml.escape(description) + "</description></message>"
                + "</messages>";
    }
}
