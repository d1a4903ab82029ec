package io.shipbridge.local.sim.correosexpress;

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Correos Express simulator on the wire, as CEX's specification describes it. */
class CorreosExpressSimulatorTest {
    private static final String CREATE = "apiRestGrabacionEnviok8s/json/grabacionEnvio";
    private static final String TRACKING = "apiRestSeguimientoEnviosk8s/json/seguimientoEnvio";

    private final SimulatedTime time = new SimulatedTime(Instant.parse("2026-11-20T08:00:00Z"), 1);
    private final CarrierSimulator cex = new CorreosExpressSimulatorModule().start(new SimulatorContext(time,
            new SplittableRandom(3), DeliveryTimeline.SAME_DAY, new Troubles(), 0));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        cex.close();
        time.close();
    }

    @Test
    void answersAShipmentWithItsNumberAndAPdfLabelBase64EncodedTwiceOrOnceWhenAsked() throws Exception {
        JsonNode twice = post(CREATE, shipment("SIMCEX-1", "28014", "93", false), true);
        JsonNode once = post(CREATE, shipment("SIMCEX-2", "28014", "93", true), true);

        assertThat(twice.path("codigoRetorno").asInt()).isZero();
        assertThat(twice.path("datosResultado").asText()).matches("93\\d{14}");
        byte[] outer = Base64.getDecoder().decode(twice.path("etiqueta").get(0).path("etiqueta1").asText());
        assertThat(new String(Base64.getDecoder().decode(outer), StandardCharsets.US_ASCII)).startsWith("%PDF");
        assertThat(new String(Base64.getDecoder().decode(once.path("etiqueta").get(0).path("etiqueta1").asText()),
                StandardCharsets.US_ASCII)).startsWith("%PDF");
        assertThat(twice.path("listaBultos").get(0).path("codUnico").asText()).hasSize(23);
    }

    @Test
    void refusesWithHttp200AndCexsCodesAndNullDataFields() throws Exception {
        JsonNode peninsularToMajorca = post(CREATE, shipment("SIMCEX-3", "07001", "93", false), true);
        ObjectNode noPhone = shipment("SIMCEX-4", "28014", "93", false).put("telefDest", "");

        assertThat(peninsularToMajorca.path("codigoRetorno").asInt()).isEqualTo(140);
        assertThat(peninsularToMajorca.path("datosResultado").isNull()).isTrue();
        assertThat(post(CREATE, noPhone, true).path("mensajeRetorno").asText())
                .isEqualTo("TELEFONO DESTINATARIO: DATO OBLIGATORIO");
        assertThat(post(CREATE, shipment("SIMCEX-5", "07001", "66", false), true).path("codigoRetorno").asInt())
                .isZero();
        assertThat(cex.shipments().forReference("SIMCEX-3")).isEmpty();
    }

    @Test
    void tracksByNumberOrReferenceAndAnswers409ForAShipmentItDoesNotHave() throws Exception {
        String number = post(CREATE, shipment("SIMCEX-6", "28014", "93", false), true).path("datosResultado").asText();

        JsonNode byReference = post(TRACKING, Json.MAPPER.createObjectNode().put("codigoCliente", "123450001")
                .put("dato", "SIMCEX-6").put("idioma", "ES"), true);
        JsonNode unknown = post(TRACKING, Json.MAPPER.createObjectNode().put("codigoCliente", "123450001")
                .put("dato", "9300000000000000").put("idioma", "ES"), true);

        assertThat(byReference.path("numEnvio").asText()).isEqualTo(number);
        assertThat(byReference.path("estadoEnvios").get(0).path("codEstado").asText()).isEqualTo("1");
        assertThat(byReference.path("producto").asText()).isEqualTo(" 93");
        assertThat(unknown.path("error").asInt()).isEqualTo(409);
    }

    @Test
    void refusesACallWithoutItsCredentials() throws Exception {
        HttpResponse<String> response = http.send(request(CREATE, shipment("SIMCEX-7", "28014", "93", false), false),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(cex.shipments().forReference("SIMCEX-7")).isEmpty();
    }

    private JsonNode post(String path, ObjectNode body, boolean authenticated) throws Exception {
        HttpResponse<String> response = http.send(request(path, body, authenticated),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private HttpRequest request(String path, ObjectNode body, boolean authenticated) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(cex.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authenticated) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (CorreosExpressSimulator.USER + ":" + CorreosExpressSimulator.PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    private static ObjectNode shipment(String reference, String postcode, String product, boolean singleBase64) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("solicitante", "I123450001").put("ref", reference)
                .put("fecha", "20112026").put("codRte", "123450001").put("nomRte", "SELLER SL")
                .put("dirRte", "POLIGONO NORTE 7").put("pobRte", "VALENCIA").put("codPosNacRte", "46001")
                .put("nomDest", "LUCIA GARCIA").put("dirDest", "CALLE MAYOR 12").put("pobDest", "MADRID")
                .put("codPosNacDest", postcode).put("paisISODest", "ES").put("contacDest", "LUCIA GARCIA")
                .put("telefDest", "0034600000000").put("numBultos", "1").put("kilos", "2.400")
                .put("producto", product).put("portes", "P");
        body.putArray("listaBultos").addObject().put("orden", 1);
        ObjectNode extra = body.putArray("listaInformacionAdicional").addObject().put("tipoEtiqueta", "1");
        if (singleBase64) {
            extra.put("codificacionUnicaB64", "1");
        }
        return body;
    }
}
