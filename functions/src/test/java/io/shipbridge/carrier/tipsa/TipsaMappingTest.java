package io.shipbridge.carrier.tipsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.order.Parcel;
import io.shipbridge.testing.Fixtures;
import io.shipbridge.testing.TipsaStub;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** TIPSA's request and response mapping, from recorded-format payloads: no network. */
class TipsaMappingTest {
    private static final TipsaSettings SETTINGS = new TipsaSettings(URI.create("http://tipsa.test/SOAP"), "000123",
            "33333", () -> "s3cret&<pass>", "48", LabelFormat.PDF, Duration.ofSeconds(5),
            new io.shipbridge.carrier.CarrierProfile("tipsa", "TIPSA", "https://t/000123{tracking}"));
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String TEMPURI = "http://tempuri.org/";

    @Test
    void logsInWithAgencyClientAndPasswordEscaped() throws Exception {
        Document login = parse(TipsaRequests.login(SETTINGS));

        Element call = first(login, TEMPURI, "LoginWSService___LoginCli2");
        assertThat(text(call, "strCodAge")).isEqualTo("000123");
        assertThat(text(call, "strCod")).isEqualTo("33333");
        assertThat(text(call, "strPass")).isEqualTo("s3cret&<pass>");
        assertThat(login.getElementsByTagNameNS(SOAP, "Header").getLength()).isZero();
    }

    @Test
    void recordsAShipmentWithTheSessionHeaderAndTheOrderAsReference() throws Exception {
        ShipmentRequest request = new ShipmentRequest("1001-A",
                new Address("Seller SL", "Seller SL", "Polígono Norte 7", "46001", "Valencia", "ES", "960000000", null),
                new Address("Lucía García", "Lucía García", "Calle de Alcalá 42 3º B", "28014", "Madrid", "ES",
                        "+34 600 000 000", null),
                List.of(new Parcel(1, new BigDecimal("2.500"))), LocalDate.of(2026, 11, 20), "1001");

        Document envelope = parse(TipsaRequests.createShipment("{SESSION-1}", SETTINGS, request));

        assertThat(text(first(envelope, TEMPURI, "ROClientIDHeader"), "ID")).isEqualTo("{SESSION-1}");
        Element call = first(envelope, TEMPURI, "WebServService___GrabaEnvio24");
        assertThat(text(call, "strCodAgeCargo")).isEqualTo("000123");
        assertThat(text(call, "strCodAgeOri")).isEqualTo("000123");
        assertThat(text(call, "strCodCli")).isEqualTo("33333");
        assertThat(text(call, "strCodTipoServ")).isEqualTo("48");
        assertThat(text(call, "dtFecha")).isEqualTo("2026/11/20");
        assertThat(text(call, "strNomDes")).isEqualTo("Lucía García");
        assertThat(text(call, "strDirDes")).isEqualTo("Calle de Alcalá 42 3º B");
        assertThat(text(call, "strCPDes")).isEqualTo("28014");
        assertThat(text(call, "strPobDes")).isEqualTo("Madrid");
        assertThat(text(call, "strCodPais")).isEqualTo("ES");
        assertThat(text(call, "strNomOri")).isEqualTo("Seller SL");
        assertThat(text(call, "intPaq")).isEqualTo("1");
        assertThat(text(call, "dPesoOri")).isEqualTo("2.5");
        assertThat(text(call, "strRef")).isEqualTo("1001-A");
        assertThat(text(call, "boInsert")).isEqualTo("true");
    }

    @Test
    void asksForTheLabelInTheConfiguredFormat() throws Exception {
        Element call = first(parse(TipsaRequests.label("S", SETTINGS, "0128346565")), TEMPURI,
                "WebServService___ConsEtiquetaEnvio8");

        assertThat(text(call, "strAlbaran")).isEqualTo("0128346565");
        assertThat(text(call, "strFormato")).isEqualTo("pdf");
    }

    @Test
    void readsTheSessionOfASuccessfulLogin() {
        assertThat(TipsaResponses.sessionId(TipsaStub.fixture("login-response.xml"))).isEqualTo(TipsaStub.SESSION);
    }

    @Test
    void aRefusedLoginIsATypedRejection() {
        assertThatThrownBy(() -> TipsaResponses.sessionId(TipsaStub.fixture("login-refused-response.xml")))
                .isInstanceOf(CarrierRejectedException.class).hasMessageContaining("strError=2");
    }

    @Test
    void readsTheAlbaranAndGuidOfARecordedShipment() {
        TipsaResponses.Created created = TipsaResponses.created(TipsaStub.created("0128346565"));

        assertThat(created.albaran()).isEqualTo("0128346565");
        assertThat(created.guid()).isEqualTo("{5ED0BCD7-0455-4862-8E97-FD6022AA8750}");
    }

    @Test
    void decodesTheBase64LabelToItsBytes() {
        String response = TipsaStub.fixture("cons-etiqueta-envio-8-response.xml").replace("{LABEL_BASE64}",
                java.util.Base64.getMimeEncoder().encodeToString(TipsaStub.LABEL_PDF));

        assertThat(TipsaResponses.label(response)).isEqualTo(TipsaStub.LABEL_PDF);
    }

    @Test
    void readsTrackingStatesKeepingTheRawCodeInTimeOrder() {
        String states = "<CONSULTA><ENV_ESTADOS I_ID=\"2\" V_COD_TIPO_EST=\"1\" D_FEC_HORA_ALTA=\"11/21/2026 08:15:00\""
                + " B_ULT=\"False\"/><ENV_ESTADOS I_ID=\"1\" V_COD_TIPO_EST=\"0\" D_FEC_HORA_ALTA=\"11/20/2026 18:02:11\""
                + "/><ENV_ESTADOS I_ID=\"3\" V_COD_TIPO_EST=\"3\" D_FEC_HORA_ALTA=\"11/22/2026 13:40:09\""
                + " B_ULT=\"True\"/></CONSULTA>";
        String response = TipsaStub.fixture("cons-env-estados-response.xml").replace("{STATES}",
                states.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"));

        List<TrackingEvent> events = TipsaResponses.events(response, "0128346565");

        assertThat(events).extracting(TrackingEvent::rawCode).containsExactly("0", "1", "3");
        assertThat(events).extracting(TrackingEvent::status).containsExactly(TrackingStatus.PENDING,
                TrackingStatus.IN_TRANSIT, TrackingStatus.DELIVERED);
        assertThat(events.get(2).occurredAt()).isEqualTo(Instant.parse("2026-11-22T12:40:09Z"));
        assertThat(events.get(1).description()).isEqualTo("Tránsito");
        assertThat(events).allSatisfy(e -> assertThat(e.trackingNumber()).isEqualTo("0128346565"));
    }

    @ParameterizedTest
    @CsvSource({"0,pending", "1,in_transit", "2,out_for_delivery", "3,delivered", "4,on_hold",
        "5,return_to_sender", "6,on_hold", "7,in_transit", "9,on_hold", "10,delivery_failed",
        "14,ready_for_pickup", "15,delivered", "99,unknown", "' ',unknown"})
    void mapsTipsaStateCodesToTheCommonVocabulary(String code, String status) {
        assertThat(TipsaStatusCodes.CODES.statusOf(code).code()).isEqualTo(status);
    }

    @Test
    void readsDatesWithTheDayFirstWhenTheyCannotBeMonthFirst() {
        assertThat(TipsaResponses.time("28/11/2026 17:50:44")).isEqualTo(Instant.parse("2026-11-28T16:50:44Z"));
        assertThat(TipsaResponses.time("11/28/2026 17:50:44")).isEqualTo(Instant.parse("2026-11-28T16:50:44Z"));
    }

    @Test
    void findsShipmentsByReference() {
        String rows = "<CONSULTA><ENV_ESTADOS_REF V_ALBARAN=\"0128346565\" V_COD_TIPO_EST=\"0\" "
                + "D_FEC_HORA_ALTA=\"11/20/2026 10:39:36\"/><ENV_ESTADOS_REF V_ALBARAN=\"0128346565\" "
                + "V_COD_TIPO_EST=\"1\" D_FEC_HORA_ALTA=\"11/21/2026 10:39:36\"/></CONSULTA>";
        String found = TipsaStub.fixture("cons-env-estados-ref-response.xml").replace("{STATES}",
                rows.replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"));
        String none = TipsaStub.fixture("cons-env-estados-ref-response.xml").replace("{STATES}", "");

        assertThat(TipsaResponses.albaranesByReference(found)).containsExactly("0128346565");
        assertThat(TipsaResponses.albaranesByReference(none)).isEmpty();
    }

    @Test
    void aSoapFaultIsATypedErrorWithItsFaultString() {
        String fault = TipsaStub.fixture("fault-response.xml").replace("{FAULT}", "Código postal de destino erróneo");

        String expired = TipsaStub.fixture("fault-response.xml").replace("{FAULT}", "Sesión no válida o caducada");

        assertThatThrownBy(() -> TipsaResponses.created(fault)).isInstanceOf(CarrierRejectedException.class)
                .hasMessageContaining("SOAP-ENV:Server").hasMessageContaining("Código postal de destino erróneo")
                .satisfies(e -> assertThat(TipsaResponses.isSessionFault((CarrierRejectedException) e)).isFalse());
        assertThatThrownBy(() -> TipsaResponses.created(expired)).isInstanceOf(CarrierRejectedException.class)
                .satisfies(e -> assertThat(TipsaResponses.isSessionFault((CarrierRejectedException) e)).isTrue());
    }

    @Test
    void anErrorPageIsAProtocolErrorNotAParsingCrash() {
        assertThatThrownBy(() -> TipsaResponses.created(Fixtures.resource("io/shipbridge/carrier/tipsa/error-page.html")))
                .isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("not XML")
                .hasMessageContaining("502 Bad Gateway");
        assertThatThrownBy(() -> TipsaResponses.created(TipsaStub.fixture("login-response.xml")))
                .isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("GrabaEnvio24Response");
    }

    @Test
    void readsTheCancellationCode() {
        assertThat(TipsaResponses.cancelCode(TipsaStub.fixture("borra-envio-response.xml").replace("{CODE}", "1")))
                .isEqualTo(1);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Element first(Document document, String namespace, String name) {
        Element element = (Element) document.getElementsByTagNameNS(namespace, name).item(0);
        assertThat(element).as(name).isNotNull();
        return element;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(TEMPURI, name).item(0).getTextContent();
    }
}
