package io.shipbridge.carrier.tipsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.order.Parcel;
import io.shipbridge.testing.TestStack;
import io.shipbridge.testing.TipsaStub;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TIPSA adapter over HTTP, against WireMock answering recorded-format responses. */
class TipsaCarrierTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void logsInOnceAndCarriesTheSessionInEveryCall() {
        String id = TestStack.newOrderId();
        STACK.tipsa().shipmentFor(id, "0128346565");
        Carrier tipsa = tipsa();

        CreatedShipment created = tipsa.createShipment(request(id));
        tipsa.track("0128346565");

        assertThat(created.trackingNumber()).isEqualTo("0128346565");
        assertThat(tipsa.label(created, id).content()).isEqualTo(TipsaStub.LABEL_PDF);
        assertThat(STACK.tipsa().calls("LoginWSService___LoginCli2")).isEqualTo(1);
        assertThat(STACK.tipsa().bodies("WebServService___")).allSatisfy(body ->
                assertThat(body).contains("<tem:ID>" + TipsaStub.SESSION + "</tem:ID>"));
        assertThat(STACK.components().operations().forOrder(id)).extracting(OperationRecord::action)
                .contains("create_shipment", "get_label");
    }

    @Test
    void logsInAgainWhenTipsaSaysTheSessionExpiredAndASessionRefusedEvenThenIsAPassingFault() {
        String id = TestStack.newOrderId();
        Carrier tipsa = tipsa();
        tipsa.track("0000000001");
        STACK.tipsa().fault("WebServService___GrabaEnvio24", "Sesión no válida o caducada");
        STACK.tipsa().shipmentFor(id, "0128346565");

        // Never a permanent refusal of the order: the step's retries and the order's recovery try again later.
        assertThatThrownBy(() -> tipsa.createShipment(request(id))).isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("session refused right after a fresh login");
        assertThat(STACK.tipsa().calls("LoginWSService___LoginCli2")).isEqualTo(2);
        assertThat(STACK.tipsa().calls("WebServService___GrabaEnvio24")).isEqualTo(2);
    }

    @Test
    void aFaultIsATypedRejectionRecordedInTheOperationsLog() {
        String id = TestStack.newOrderId();
        STACK.tipsa().fault("WebServService___GrabaEnvio24", "Código postal de destino erróneo");

        assertThatThrownBy(() -> tipsa().createShipment(request(id))).isInstanceOf(CarrierRejectedException.class)
                .hasMessageContaining("Código postal de destino erróneo");
        assertThat(STACK.components().operations().forOrder(id)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(OperationStatus.ERROR);
            assertThat(row.carrier()).isEqualTo("tipsa");
            assertThat(row.meta()).containsEntry("http_status", 500);
        });
    }

    @Test
    void anErrorPageIsTransient() {
        String id = TestStack.newOrderId();
        STACK.tipsa().errorPage("WebServService___GrabaEnvio24", 502);

        assertThatThrownBy(() -> tipsa().createShipment(request(id))).isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("HTTP 502");
    }

    @Test
    void aTimeoutIsTransient() {
        String slow = TestStack.newOrderId();
        STACK.with("TIPSA_TIMEOUT_SECONDS", "1");
        // Answering long after the client's one second: no busy machine brings the two near each other.
        STACK.tipsa().slowShipmentFor(slow, "0128346566", 20_000);
        assertThatThrownBy(() -> tipsa().createShipment(request(slow)))
                .isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("no answer");
    }

    @Test
    void findsAShipmentRecordedUnderTheReferenceAndItsLabel() {
        String id = TestStack.newOrderId();
        STACK.tipsa().knownReference(id, "0128346567");

        assertThat(tipsa().findShipment(id)).hasValueSatisfying(found -> {
            assertThat(found.trackingNumber()).isEqualTo("0128346567");
            assertThat(tipsa().label(found, id).content()).isEqualTo(TipsaStub.LABEL_PDF);
        });
        assertThat(tipsa().findShipment(TestStack.newOrderId())).isEmpty();
    }

    @Test
    void tracksAShipment() {
        STACK.tipsa().states("0128346568", List.of(
                new TipsaStub.State("0", Instant.parse("2026-11-20T10:00:00Z")),
                new TipsaStub.State("1", Instant.parse("2026-11-21T07:00:00Z"))));

        assertThat(tipsa().track("0128346568")).extracting(e -> e.status())
                .containsExactly(TrackingStatus.PENDING, TrackingStatus.IN_TRANSIT);
    }

    @Test
    void cancelsAShipmentAndToleratesOneAlreadyGone() {
        Carrier tipsa = tipsa();

        tipsa.cancel(CreatedShipment.of("0128346569", null), "T-CANCEL");

        assertThat(STACK.tipsa().bodies("WebServService___BorraEnvio")).singleElement().asString()
                .contains("<tem:strAlbaran>0128346569</tem:strAlbaran>");
    }

    private static Carrier tipsa() {
        return STACK.components().carriers().get("tipsa");
    }

    private static ShipmentRequest request(String orderId) {
        return new ShipmentRequest(orderId,
                new Address("Seller SL", "Seller SL", "Polígono Norte 7", "46001", "Valencia", "ES", "960000000", null),
                new Address("Lucía García", "Lucía García", "Calle de Alcalá 42", "28014", "Madrid", "ES", "600000000",
                        null),
                List.of(new Parcel(1, new BigDecimal("2.5"))), LocalDate.of(2026, 11, 20), orderId);
    }
}
