package io.shipbridge.local.sim.seur;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.DeliveryTimeline;
import io.shipbridge.local.sim.carrier.SimulatorContext;
import io.shipbridge.local.sim.carrier.Troubles;
import io.shipbridge.local.time.SimulatedTime;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SEUR simulator on the wire, as SEUR's API and its official modules show it. */
class SeurSimulatorTest {
    private final SimulatedTime time = new SimulatedTime(Instant.parse("2026-11-20T08:00:00Z"), 1);
    private final CarrierSimulator seur = new SeurSimulatorModule().start(new SimulatorContext(time,
            new SplittableRandom(5), DeliveryTimeline.SAME_DAY, new Troubles(), 0));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        seur.close();
        time.close();
    }

    @Test
    void acceptsBothFieldDialectsSeurTakes() throws Exception {
        String token = token();
        ObjectNode modules = shipment("reference", "SIMSEUR-1", "ES", "28014", 31, 2);
        ObjectNode spec = shipment("ref", "SIMSEUR-2", "ES", "28014", 31, 2);

        for (ObjectNode body : new ObjectNode[] {modules, spec}) {
            HttpResponse<String> created = post("/pic/v1/shipments", body, token);
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(created.body()).path("data").path("shipmentCode").asText())
                    .matches("046\\d{10}20261120");
        }
        assertThat(seur.shipments().forReference("SIMSEUR-2")).hasSize(1);
    }

    @Test
    void refusesAProductForTheWrongDestinationInTheBodyOfA200() throws Exception {
        HttpResponse<String> refused = post("/pic/v1/shipments", shipment("reference", "SIMSEUR-3", "FR", "75011", 31,
                2), token());

        assertThat(refused.statusCode()).isEqualTo(200);
        JsonNode error = Json.MAPPER.readTree(refused.body()).path("errors").get(0);
        assertThat(error.path("status").asText()).isEqualTo("400");
        assertThat(error.path("detail").asText()).contains("no está disponible para el destino FR");
        assertThat(seur.shipments().forReference("SIMSEUR-3")).isEmpty();
    }

    @Test
    void aTokenNoLongerWorksAnHourOfSimulatedTimeLater() throws Exception {
        String token = token();
        assertThat(get("/pic/v1/tracking-services/extended?ref=1&refType=ECB", token).statusCode()).isEqualTo(204);

        // A second world whose hour passes in a tenth of a second: only the token's expiry is at stake here.
        try (SimulatedTime fast = new SimulatedTime(Instant.parse("2026-11-20T08:00:00Z"), 36_000)) {
            CarrierSimulator quick = new SeurSimulatorModule().start(new SimulatorContext(fast, new SplittableRandom(6),
                    DeliveryTimeline.SAME_DAY, new Troubles(), 0));
            try {
                String expiring = token(quick);
                fast.sleep(Duration.ofMinutes(61));
                HttpResponse<String> refused = get(quick, "/pic/v1/labels?code=x&type=PDF&entity=EXPEDITIONS",
                        expiring);
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(Json.MAPPER.readTree(refused.body()).path("errors").get(0).path("title").asText())
                        .isEqualTo("UNAUTHORIZED");
            } finally {
                quick.close();
            }
        }
    }

    @Test
    void answersNothingToTrackWith204AndAnUnknownPathAsItsGatewayDoes() throws Exception {
        String token = token();

        assertThat(get("/pic/v1/tracking-services/extended?ref=28280000000000&refType=ECB&idNumber=B46000000"
                + "&accountNumber=12345&businessUnit=46", token).statusCode()).isEqualTo(204);
        HttpResponse<String> unknown = get("/pic/v1/cities", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("No Mapping Rule matched");
    }

    private String token() throws Exception {
        return token(seur);
    }

    private String token(CarrierSimulator seur) throws Exception {
        String form = "grant_type=password&client_id=" + SeurSimulator.CLIENT_ID + "&client_secret="
                + URLEncoder.encode(SeurSimulator.CLIENT_SECRET, StandardCharsets.UTF_8) + "&username="
                + SeurSimulator.USERNAME + "&password=" + URLEncoder.encode(SeurSimulator.PASSWORD,
                        StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(seur.baseUrl() + "/pic_token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode token = Json.MAPPER.readTree(answer.body());
        assertThat(token.path("expires_in").asLong()).isEqualTo(Duration.ofHours(1).toSeconds());
        return token.path("access_token").asText();
    }

    private HttpResponse<String> post(String path, ObjectNode body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(seur.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        return get(seur, pathAndQuery, token);
    }

    private HttpResponse<String> get(CarrierSimulator seur, String pathAndQuery, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(seur.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode shipment(String referenceField, String reference, String country, String postcode,
            int service, int product) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("serviceCode", service).put("productCode", product)
                .put(referenceField, reference);
        ObjectNode sender = body.putObject("sender").put("name", "Seller SL").put("accountNumber", SeurSimulator.ACCOUNT);
        sender.putObject("address").put("streetName", "Poligono Norte 7").put("cityName", "VALENCIA")
                .put("postalCode", "46001").put("country", "ES");
        ObjectNode receiver = body.putObject("receiver").put("name", "Lucía García").put("phone", "600000000");
        receiver.putObject("address").put("streetName", "Calle Mayor 12").put("cityName", "MADRID")
                .put("postalCode", postcode).put("country", country);
        body.putArray("parcels").addObject().put("weight", 6.2);
        return body;
    }
}
