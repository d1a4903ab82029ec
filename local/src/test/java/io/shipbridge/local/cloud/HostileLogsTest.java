package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.standins.CloudFormationTemplate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile orders and malformed secrets through every function of the offline cloud, then a scan of everything they
 * logged (the JSON lines, as CloudWatch would get them) and of every error a function ended with (which Lambda logs
 * too): no customer's name, street or phone, no secret value, and no line that an injected line break split or
 * forged. Customers' fields carry recognisable markers, log injection attempts (line breaks, fake JSON, terminal
 * escapes) and control characters; the secrets are put malformed in each way that used to be quoted.
 */
class HostileLogsTest {
    private static final String FORGED = "forged-by-ZQ";
    private static final String INJECTION = "\n{\"level\":\"ERROR\",\"message\":\"" + FORGED + "\"}\r\n";
    /** Short enough for every carrier's street (40 characters at the least). */
    private static final String PRINTABLE_INJECTION = "{\"message\":\"" + FORGED + "\"}";
    private static final List<String> CUSTOMER_MARKERS = List.of("ZqFirstname", "ZqLastname", "ZqStreet",
            "ZqSecondLine", "677 424 242", "677424242", "ZqCompany");
    private static final String SECRET_MARKER = "ZQSECRET";
    /** The functions' sample events (events/), by function. */
    private static final Map<String, String> SAMPLE_EVENTS = new LinkedHashMap<>();

    static {
        SAMPLE_EVENTS.put("FetchOrdersFunction", "fetch-orders-schedule.json");
        SAMPLE_EVENTS.put("AcceptOrderFunction", "accept-order.json");
        SAMPLE_EVENTS.put("CreateShipmentFunction", "create-shipment.json");
        SAMPLE_EVENTS.put("PushTrackingFunction", "push-tracking.json");
        SAMPLE_EVENTS.put("ScheduleRetryFunction", "schedule-retry.json");
        SAMPLE_EVENTS.put("RecordFailureFunction", "record-failure.json");
        SAMPLE_EVENTS.put("CarrierWebhookFunction", "carrier-webhook.json");
        SAMPLE_EVENTS.put("ImportCatalogFunction", "import-catalog.json");
        SAMPLE_EVENTS.put("ImportStatusFileFunction", "import-status-file.json");
        SAMPLE_EVENTS.put("OperatorApiFunction", "operator-api.json");
        SAMPLE_EVENTS.put("DailyExportFunction", "daily-export.json");
        SAMPLE_EVENTS.put("CloseDayFunction", "close-day.json");
        SAMPLE_EVENTS.put("TrackingPollerFunction", "tracking-poller.json");
        SAMPLE_EVENTS.put("TrackingConsumerFunction", "tracking-consumer.json");
    }

    private static OfflineCloud cloud;
    private static final List<String> hostileOrders = new ArrayList<>();
    /** What the functions ended with, as Lambda logs an error: message and stack trace, causes included. */
    private static final StringBuilder errors = new StringBuilder();
    private static final List<String> secretsPut = new ArrayList<>();

    @BeforeAll
    static void hostileOrdersAndMalformedSecretsThroughEveryFunction() throws Exception {
        cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate()));
        Demo.uploadCatalogs(cloud, null, System.out);
        OrderGenerator generator = new OrderGenerator(new SplittableRandom(20261130L), 1);
        OrderGenerator.Kind[] kinds = {OrderGenerator.Kind.DOMESTIC_1_TO_5_KG, OrderGenerator.Kind.DOMESTIC_OVER_5_KG,
            OrderGenerator.Kind.EUROPE, OrderGenerator.Kind.ISLANDS, OrderGenerator.Kind.DOMESTIC_UNDER_1_KG};
        for (int i = 0; i < kinds.length; i++) {
            ObjectNode order = generator.next(cloud.time().instant(), kinds[i]);
            hostile(order, i);
            cloud.placeOrder(order, null);
            hostileOrders.add(order.path("order_id").asText());
        }
        // Held from the instant every order is past its carrier: the printable ones are still in transit for the
        // second round (the poller then reads the malformed carrier secret).
        try (SimulatedTime.Hold held = CloudWaits.awaitAndHold(cloud, "every order past its carrier",
                () -> hostileOrders.stream().allMatch(HostileLogsTest::pastItsCarrier))) {
            hostileRounds();
        }
        Files.writeString(Path.of("target/hostile-function-errors.txt"), errors);
    }

    private static void hostileRounds() throws Exception {
        for (int i = 0; i < hostileOrders.size(); i++) {
            OrderState state = cloud.components().orders().get(hostileOrders.get(i)).state();
            if (i % 2 == 0) {
                assertThat(state).as("an order with control characters is refused before its carrier")
                        .isEqualTo(OrderState.FAILED_POST);
            } else {
                assertThat(state.hasReached(OrderState.AWAITING_TRACKING)).as("a printable order reached its carrier, now "
                        + state).isTrue();
            }
        }

        for (String function : SAMPLE_EVENTS.keySet()) {
            invokeCold(function, hostileOrders.get(0));
        }
        putMalformedSecrets();
        for (String function : SAMPLE_EVENTS.keySet()) {
            invokeCold(function, hostileOrders.get(1));
        }
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void noCustomersNameStreetOrPhoneIsLoggedOrInAnError() throws Exception {
        String logs = logs();
        assertThat(hostileOrders).allSatisfy(id -> assertThat(logs).as("the functions logged these orders")
                .contains(id));
        for (String marker : CUSTOMER_MARKERS) {
            assertThat(logs).as("logs").doesNotContainIgnoringCase(marker);
            assertThat(errors).as("errors the functions ended with").doesNotContainIgnoringCase(marker);
        }
    }

    @Test
    void noSecretIsLoggedOrInAnErrorWhateverItsValue() throws Exception {
        String logs = logs();
        assertThat(secretsPut).isNotEmpty();
        for (String secret : secretsPut) {
            assertThat(errors).as("a function read the malformed %s and said so", secret)
                    .contains("Secret " + cloud.aws().resources().secretArn(secret));
        }
        assertThat(logs).doesNotContain(SECRET_MARKER).doesNotContain(cloud.mirakl().apiKey())
                .doesNotContain(OfflineCloud.WEBHOOK_SECRET.substring("whsec_".length()));
        assertThat(errors.toString()).doesNotContain(SECRET_MARKER).doesNotContain(cloud.mirakl().apiKey());
        cloud.carriers().carrierSecret().findValuesAsText("password").forEach(password ->
                assertThat(logs + errors).doesNotContain(password));
    }

    @Test
    void everyLogLineIsOneJsonObjectThatNoInjectedTextForged() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("target/function-logs.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode entry = Json.MAPPER.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.path("message").asText()).as(line).isNotEqualTo(FORGED);
            assertThat(line).as("no terminal escape or raw control character").doesNotContainPattern("\\p{Cntrl}");
        }
    }

    /**
     * Names, addresses and phones with markers and fake JSON log lines; the even orders also with line breaks,
     * terminal escapes and control characters, which the carriers' field checks refuse before any carrier is called,
     * while the odd ones (printable) reach their carrier, so its client handles the markers too.
     */
    private static void hostile(ObjectNode order, int i) {
        boolean controls = i % 2 == 0;
        String injection = controls ? INJECTION : PRINTABLE_INJECTION;
        ObjectNode customer = (ObjectNode) order.path("customer");
        customer.put("firstname", "ZqFirstname" + i + (controls ? injection : "")).put("lastname", "ZqLastname"
                + (controls ? "\u001b[31m" : "") + i);
        ObjectNode address = (ObjectNode) customer.path("shipping_address");
        address.put("firstname", "ZqFirstname" + i + (controls ? injection : "")).put("lastname", "ZqLastname" + i
                + (controls ? "\t\u0007" : ""))
                .put("street_1", (controls ? "Calle ZqStreet " : "ZqStreet") + i + injection)
                .put("street_2", "ZqSecondLine" + (controls ? "\r\n" : " ") + i)
                .put("company", "ZqCompany " + i).put("phone", "+34 677 424 242");
    }

    private static void putMalformedSecrets() {
        String[][] values = {
            // A line break inside the key: an HTTP header refuses it, quoting it in its message.
            {"MiraklApiKeySecret", "{\"apiKey\": \"" + SECRET_MARKER + "\\r\\nX-Evil: 1\"}"},
            {"CarrierCredentialsSecret", "{\"tipsa\": {\"password\": \"" + SECRET_MARKER + "\\r\\nX-Evil: 1\"},"
                + " \"seur\": \"" + SECRET_MARKER + "\"}"},
            // An unquoted token: the JSON parser's message quotes it.
            {"WebhookSigningSecret", "{\"tipsa\": [whsec_" + SECRET_MARKER + "], \"seur\": \"whsec_"
                + SECRET_MARKER + "\"}"},
        };
        for (String[] secret : values) {
            cloud.aws().putSecret(secret[0], secret[1]);
            secretsPut.add(secret[0]);
        }
    }

    /** A new container of the function, invoked with its sample event about one of the hostile orders. */
    private static void invokeCold(String function, String orderId) throws Exception {
        String event = Files.readString(cloud.templateDirectory().resolve("events").resolve(
                SAMPLE_EVENTS.get(function))).replaceAll("\"orderId\": *\"[^\"]*\"", "\"orderId\": \"" + orderId + "\"");
        try {
            cloud.coldStart(function).invoke(event.getBytes(StandardCharsets.UTF_8));
        } catch (Throwable failed) {
            StringWriter trace = new StringWriter();
            failed.printStackTrace(new PrintWriter(trace));
            errors.append(function).append(": ").append(trace).append('\n');
            if (failed instanceof FunctionError error) {
                errors.append(error.document()).append('\n');
            }
        }
    }

    private static boolean pastItsCarrier(String id) {
        OrderView view = cloud.components().orders().find(id).orElse(null);
        return view != null && (view.state().isFailure() || view.state().hasReached(OrderState.AWAITING_TRACKING));
    }

    private static String logs() throws Exception {
        return Files.readString(Path.of("target/function-logs.jsonl"), StandardCharsets.UTF_8);
    }
}
