package io.shipbridge.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.shipbridge.app.Components;
import io.shipbridge.carrier.CarrierException;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.InvalidLabelException;
import io.shipbridge.order.CarrierChoice;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.Parcel;
import io.shipbridge.testing.Fixtures;
import io.shipbridge.testing.MiraklStub;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.SampleLabels;
import io.shipbridge.testing.TestStack;
import io.shipbridge.testing.TipsaStub;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue's bad carrier answers ({@code hostile/carrier-answers.json}): each carrier played by WireMock in its
 * wire format, answering one call of a shipment creation, a label or a tracking poll with an error page, a truncated
 * document, an XML bomb, a label that is not one... The step ends with the expected {@link CarrierException} (passing:
 * unavailable, retried; permanent: rejected) naming the carrier, without our secrets or the customer's address in its
 * reason, and nothing stored: no label, no shipment, the order where it was (its first attempt recorded, as any
 * attempt is), only the operations log's rows of the calls.
 */
class CarrierAnswersCatalogueTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final WireMockServer CARRIERS = new WireMockServer(options().dynamicPort()
            .bindAddress("127.0.0.1"));
    private static final String ALBARAN = "0000000HC1";
    private static final List<String> NEVER_IN_A_REASON = List.of("tipsa-test-password", "seur-test-password",
            "seur-test-client-secret", "cex-test-password", "canadapost-test-password", MiraklStub.API_KEY,
            "Alcalá", "García", "root:");

    static Stream<Arguments> cases() {
        return HostileCaseFile.cases("carrier-answers");
    }

    @BeforeAll
    static void start() {
        CARRIERS.start();
    }

    @AfterAll
    static void stop() {
        CARRIERS.stop();
    }

    @BeforeEach
    void carriersAnswerWellUntilTold() {
        CARRIERS.resetAll();
        String base = CARRIERS.baseUrl();
        STACK.with("TIPSA_BASE_URL", base + "/SOAP")
                .with("SEUR_BASE_URL", base + "/seur").with("SEUR_CLIENT_ID", "shop-client")
                .with("SEUR_USERNAME", "api-user").with("SEUR_ACCOUNT", "12345-46").with("SEUR_ID_NUMBER", "B46000000")
                .with("CORREOSEXPRESS_BASE_URL", base + "/cex/").with("CORREOSEXPRESS_USER", "123450001_WS")
                .with("CORREOSEXPRESS_REQUESTER", "I123450001").with("CORREOSEXPRESS_CLIENT_CODE", "123450001")
                .with("CANADAPOST_BASE_URL", base + "/cp").with("CANADAPOST_CUSTOMER_NUMBER", "2004381")
                .with("CANADAPOST_USERNAME", "6e93d53968881714").with("CANADAPOST_CONTRACT_ID", "42708517");
        CARRIERS.stubFor(soap("LoginWSService___LoginCli2").willReturn(ok(TipsaStub.fixture("login-response.xml"))));
        CARRIERS.stubFor(soap("WebServService___GrabaEnvio24").willReturn(ok(TipsaStub.created(ALBARAN))));
        CARRIERS.stubFor(soap("WebServService___ConsEtiquetaEnvio8").willReturn(ok(tipsaLabel(
                Base64.getMimeEncoder().encodeToString(SampleLabels.pdf())))));
        CARRIERS.stubFor(post(urlPathEqualTo("/seur/pic_token")).willReturn(ok(fixture("seur/token-response.json"))));
        CARRIERS.stubFor(post(urlPathEqualTo("/seur/pic/v1/shipments")).willReturn(ok(fixture(
                "seur/shipment-response.json"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheCatalogueExpects(JsonNode c) {
        String carrier = c.path("carrier").asText();
        String step = c.path("step").asText();
        CARRIERS.stubFor(hostileCall(carrier, step).atPriority(1).willReturn(aResponse()
                .withStatus(c.path("status").asInt()).withHeader("Content-Type", c.path("contentType").asText())
                .withBody(step.equals("label") && carrier.equals("tipsa") ? tipsaLabel(HostileCaseFile.text(c, "body"))
                        : HostileCaseFile.text(c, "body"))));
        Components components = STACK.components();
        String orderId = step.equals("track") ? null : orderFor(components, carrier);
        OrderView order = orderId == null ? null : components.orders().get(orderId);
        StackState before = StackState.of(STACK);

        Throwable error = catchThrowable(() -> {
            if (step.equals("track")) {
                components.carriers().get(carrier).track("7023210039414604");
            } else {
                components.shipmentCreation().create(orderId);
            }
        });

        JsonNode expect = c.path("expect");
        assertThat(error).isInstanceOf(switch (expect.path("outcome").asText()) {
            case "unavailable" -> CarrierUnavailableException.class;
            case "rejected" -> CarrierRejectedException.class;
            case "invalid-label" -> InvalidLabelException.class;
            default -> throw new AssertionError(expect);
        }).hasMessageStartingWith(carrier + ": ").hasMessageContaining(expect.path("reason").asText());
        assertThat(((CarrierException) error).carrier()).isEqualTo(carrier);
        assertThat(error.getMessage().length()).as("a reason, not the answer").isLessThan(400);
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            NEVER_IN_A_REASON.forEach(secret -> assertThat(message).doesNotContain(secret));
        }
        StackState.of(STACK).assertUnchangedSince(before, changed -> StackState.operationsLog(changed)
                || orderId != null && changed.equals("ORDER#" + orderId + " | VIEW"));
        if (orderId != null) {
            OrderView after = components.orders().get(orderId);
            assertThat(after.state()).isEqualTo(OrderState.PENDING_POST);
            assertThat(after.shipment()).isNull();
            assertThat(after.version()).isEqualTo(order.version());
        }
    }

    /** An order in PENDING_POST to Madrid, given to this carrier as the rules would. */
    private static String orderFor(Components components, String carrier) {
        String id = OrderScenarios.pendingPost(components, "BOOK-SET", 1, "ES", "28014");
        components.orders().recordCarrierChoice(id, new CarrierChoice(carrier, "hostile-" + carrier,
                new BigDecimal("1.2"), List.of(), List.of(new Parcel(1, new BigDecimal("1.2")))));
        return id;
    }

    /** The call of the step that gets the hostile answer. */
    private static MappingBuilder hostileCall(String carrier, String step) {
        return switch (carrier + " " + step) {
            case "tipsa create" -> soap("WebServService___GrabaEnvio24");
            case "tipsa label" -> soap("WebServService___ConsEtiquetaEnvio8");
            case "tipsa track" -> soap("WebServService___ConsEnvEstados");
            case "seur create" -> post(urlPathEqualTo("/seur/pic/v1/shipments"));
            case "seur label" -> get(urlPathEqualTo("/seur/pic/v1/labels"));
            case "seur track" -> get(urlPathEqualTo("/seur/pic/v1/tracking-services/extended"));
            case "correosexpress create" -> post(urlPathMatching("/cex/apiRestGrabacionEnvio.*"));
            case "correosexpress track" -> post(urlPathMatching("/cex/apiRestSeguimientoEnvios.*"));
            case "canadapost track" -> any(urlPathMatching("/cp/vis/track/pin/.*/detail"));
            default -> throw new AssertionError("no " + step + " call for " + carrier);
        };
    }

    private static MappingBuilder soap(String operation) {
        return post(urlPathEqualTo("/SOAP")).withRequestBody(containing(operation + ">"));
    }

    private static String tipsaLabel(String base64) {
        return TipsaStub.fixture("cons-etiqueta-envio-8-response.xml").replace("{LABEL_BASE64}", base64);
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type",
                body.startsWith("<") ? "text/xml; charset=utf-8" : "application/json").withBody(body);
    }

    private static String fixture(String name) {
        return Fixtures.resource("io/shipbridge/carrier/" + name);
    }
}
