package io.shipbridge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.app.Components;
import io.shipbridge.carrier.DailyHandover.Document;
import io.shipbridge.carrier.DailyHandover.Recipients;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.standins.SesStandIn;
import io.shipbridge.storage.ManifestDeliveries.Status;
import io.shipbridge.storage.ManifestFiles;
import io.shipbridge.testing.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A closed day's documents sent to a carrier without an API, through the AWS SDK to SES and Transfer Family
 * stand-ins speaking their wire protocols: once per channel however often the close runs, an upload followed up
 * until the connector reports it, a failed sending tried again and, after five attempts, given up in the operations
 * log.
 */
class ManifestDispatchTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final String FROM = "envios@seller.example";
    private static final String CONNECTOR = "c-00000000000000001";
    private static final Map<String, byte[]> SERVER = new ConcurrentHashMap<>();
    private static final AtomicInteger REFUSALS = new AtomicInteger();

    private final LocalDate day = LocalDate.of(2027, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    private final String carrier = "ontime";

    @AfterEach
    void servicesBack() {
        STACK.aws().ses().outage(null);
        REFUSALS.set(0);
    }

    @Test
    void eachChannelGetsTheDocumentsOnceHoweverOftenTheCloseRunsAndTheUploadIsFollowedUpUntilDone() throws Exception {
        ManifestDispatch dispatch = dispatch();
        List<String> keys = stored();
        Recipients recipients = new Recipients(List.of("depot@carrier.example", "office@carrier.example"), CONNECTOR,
                "/entrada");

        List<ManifestDispatch.Outcome> first = dispatch.send(carrier, day, recipients, keys, Map.of());
        List<ManifestDispatch.Outcome> again = dispatch.send(carrier, day, recipients, keys, Map.of());

        assertThat(first).extracting(ManifestDispatch.Outcome::channel, ManifestDispatch.Outcome::status,
                ManifestDispatch.Outcome::change).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("email", Status.DELIVERED, "sent"),
                        org.assertj.core.groups.Tuple.tuple("sftp", Status.SENT, "sent"));
        assertThat(again).extracting(ManifestDispatch.Outcome::change).containsOnly("");
        List<SesStandIn.Mail> mails = mailsOfTheDay();
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.from()).isEqualTo(FROM);
            assertThat(mail.to()).containsExactly("depot@carrier.example", "office@carrier.example");
            assertThat(mail.attachments()).extracting(SesStandIn.Attachment::fileName)
                    .containsExactly("manifest-" + day + ".csv", "manifest-" + day + ".pdf");
            assertThat(mail.attachments().get(0).content()).isEqualTo(csv());
            assertThat(mail.attachments().get(1).contentType()).isEqualTo("application/pdf");
        });

        awaitTransfers();
        List<ManifestDispatch.Outcome> followed = dispatch.followUp(carrier, recipients, day);
        assertThat(followed).filteredOn(outcome -> outcome.day().equals(day)).singleElement()
                .extracting(ManifestDispatch.Outcome::channel, ManifestDispatch.Outcome::status)
                .containsExactly("sftp", Status.DELIVERED);
        assertThat(SERVER.get("/entrada/manifest-" + day + ".csv")).isEqualTo(csv());
        assertThat(dispatch.followUp(carrier, recipients, day)).noneMatch(outcome -> outcome.day().equals(day));
        assertThat(mailsOfTheDay()).hasSize(1);
    }

    @Test
    void anUploadTheServerRefusedIsSentAgainAtTheNextFollowUp() throws Exception {
        ManifestDispatch dispatch = dispatch();
        Recipients recipients = new Recipients(List.of(), CONNECTOR, "/in");
        REFUSALS.set(1);

        dispatch.send(carrier, day, recipients, stored(), Map.of());
        awaitTransfers();
        List<ManifestDispatch.Outcome> retried = dispatch.followUp(carrier, recipients, day);

        assertThat(retried).filteredOn(outcome -> outcome.day().equals(day)).singleElement()
                .extracting(ManifestDispatch.Outcome::status, ManifestDispatch.Outcome::change)
                .containsExactly(Status.SENT, "sent");
        awaitTransfers();
        assertThat(SERVER).containsKeys("/in/manifest-" + day + ".csv", "/in/manifest-" + day + ".pdf");
        assertThat(dispatch.followUp(carrier, recipients, day)).filteredOn(outcome -> outcome.day().equals(day))
                .extracting(ManifestDispatch.Outcome::status).containsExactly(Status.DELIVERED);
        assertThat(rows()).extracting(OperationRecord::status).contains(OperationStatus.RETRY, OperationStatus.OK);
    }

    @Test
    void aSendingThatKeepsFailingIsGivenUpAfterFiveAttemptsWithAnErrorNamingTheDocuments() {
        ManifestDispatch dispatch = dispatch();
        Recipients recipients = new Recipients(List.of("depot@carrier.example"), "", "/");
        STACK.aws().ses().outage("Service unavailable");
        List<String> keys = stored();

        List<ManifestDispatch.Outcome> outcomes = new java.util.ArrayList<>(dispatch.send(carrier, day, recipients,
                keys, Map.of()));
        for (int hour = 1; hour <= 5; hour++) {
            STACK.clock().advance(Duration.ofHours(1));
            outcomes.addAll(dispatch.followUp(carrier, recipients, day).stream()
                    .filter(outcome -> outcome.day().equals(day)).toList());
        }

        assertThat(outcomes).extracting(ManifestDispatch.Outcome::change)
                .containsExactly("failed", "failed", "failed", "failed", "given up");
        assertThat(mailsOfTheDay()).isEmpty();
        assertThat(rows()).filteredOn(row -> row.status() == OperationStatus.ERROR).singleElement()
                .satisfies(row -> assertThat(row.message()).contains("after 5 attempts").contains(keys.get(0)));
    }

    @Test
    void anAddressSesHasNotVerifiedIsRefusedWithSesOwnReason() {
        STACK.with("MANIFEST_EMAIL_FROM", "someone@unverified.example");
        ManifestDispatch dispatch = STACK.components().manifestDispatch();

        List<ManifestDispatch.Outcome> outcomes = dispatch.send(carrier, day, new Recipients(
                List.of("depot@carrier.example"), "", "/"), stored(), Map.of());

        assertThat(outcomes).extracting(ManifestDispatch.Outcome::change).containsExactly("failed");
        assertThat(rows()).filteredOn(row -> row.status() == OperationStatus.RETRY).singleElement()
                .satisfies(row -> assertThat(row.message()).contains("Email address is not verified"));
    }

    private ManifestDispatch dispatch() {
        STACK.aws().ses().verify(FROM);
        STACK.aws().transfer().connector(CONNECTOR, (path, content) -> {
            if (REFUSALS.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IOException("Connection reset by peer");
            }
            SERVER.put(path, content);
        });
        STACK.with("MANIFEST_EMAIL_FROM", FROM);
        return STACK.components().manifestDispatch();
    }

    private List<String> stored() {
        ManifestFiles files = STACK.components().manifestFiles();
        return List.of(files.put(carrier, day, new Document("manifest-" + day + ".csv", "text/csv", csv())),
                files.put(carrier, day, new Document("manifest-" + day + ".pdf", "application/pdf",
                        "%PDF-1.7 manifest".getBytes(StandardCharsets.US_ASCII))));
    }

    private byte[] csv() {
        return ("manifest_date,shipment_number\r\n" + day + ",OT0010000001\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private List<SesStandIn.Mail> mailsOfTheDay() {
        return STACK.aws().ses().sent().stream().filter(mail -> mail.subject().contains(day.toString())).toList();
    }

    private List<OperationRecord> rows() {
        Components components = STACK.components();
        return components.operations().ofDay(STACK.clock().instant()).stream()
                .filter(row -> row.action().equals("send_manifest") && String.valueOf(row.meta().get("day"))
                        .equals(day.toString())).toList();
    }

    /** The connector works after the call returns, as in AWS: waits for its transfers to end, not for time. */
    private static void awaitTransfers() throws InterruptedException {
        STACK.aws().transfer().awaitIdle(Duration.ofMinutes(1));
    }
}
