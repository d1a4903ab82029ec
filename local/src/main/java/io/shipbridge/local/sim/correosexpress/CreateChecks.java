package io.shipbridge.local.sim.correosexpress;

import static io.shipbridge.local.sim.correosexpress.CorreosExpressSimulator.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.local.sim.carrier.SimulatedEndpoint.Reply;
import io.shipbridge.local.sim.carrier.SpanishPostcodes;
import java.util.Optional;

/** The field checks {@code grabacionEnvio} makes, each refused with Correos Express's own return code and message. */
final class CreateChecks {
    private CreateChecks() {
    }

    static Optional<Reply> firstRefusal(JsonNode request, String clientCode) {
        String country = text(request, "paisISODest").isEmpty() ? "ES" : text(request, "paisISODest");
        if (text(request, "solicitante").isEmpty() || text(request, "solicitante").length() > 100) {
            return refuse(1, "SOLICITANTE: DATO OBLIGATORIO");
        }
        if (!text(request, "fecha").matches("\\d{8}")) {
            return refuse(6, "FECHA: FORMATO INCORRECTO. FORMATO VÁLIDO – DDMMYYYY");
        }
        if (text(request, "ref").length() > 20) {
            return refuse(4, "REFERENCIA: SUPERA LOS 20 CARACTERES");
        }
        if (!text(request, "codRte").equals(clientCode)) {
            return refuse(108, "REMITENTE: CODIGO " + text(request, "codRte") + " NO EXISTE COMO CLIENTE");
        }
        if (text(request, "nomDest").isEmpty() || text(request, "nomDest").length() > 40) {
            return refuse(19, "NOMBRE DESTINATARIO: DATO OBLIGATORIO (MÁXIMO 40 CARACTERES)");
        }
        if (text(request, "dirDest").isEmpty()) {
            return refuse(21, "DIRECCION DESTINATARIO: DATO OBLIGATORIO");
        }
        if (text(request, "pobDest").isEmpty()) {
            return refuse(22, "POBLACION DESTINATARIO: DATO OBLIGATORIO");
        }
        if (country.equals("ES")) {
            String postcode = text(request, "codPosNacDest");
            if (!postcode.matches("\\d{5}")) {
                return refuse(23, "CP NACIONAL DESTINATARIO: FORMATO INCORRECTO. FORMATO VÁLIDO – 99999");
            }
            if (!SpanishPostcodes.exists(postcode)) {
                return refuse(124, "DESTINATARIO: CP NO ENCONTRADO");
            }
        } else if (text(request, "codPosIntDest").isEmpty()) {
            return refuse(25, "CP INTERNACIONAL DESTINATARIO: DATO OBLIGATORIO");
        }
        if (text(request, "telefDest").isEmpty()) {
            return refuse(27, "TELEFONO DESTINATARIO: DATO OBLIGATORIO");
        }
        if (!text(request, "numBultos").matches("\\d{1,2}") || text(request, "numBultos").equals("0")) {
            return refuse(33, "NUMERO DE BULTOS: FORMATO INCORRECTO");
        }
        if (!text(request, "kilos").matches("\\d{1,4}(\\.\\d{1,3})?")) {
            return refuse(34, "KILOS: DATO OBLIGATORIO");
        }
        if (text(request, "producto").isEmpty()) {
            return refuse(39, "PRODUCTO: DATO OBLIGATORIO");
        }
        if (!text(request, "portes").equals("P") && !text(request, "portes").equals("D")) {
            return refuse(40, "PORTES: FORMATO INCORRECTO");
        }
        for (JsonNode parcel : request.path("listaBultos")) {
            if (text(parcel, "orden").isEmpty()) {
                return refuse(45, "ORDEN BULTO: DATO OBLIGATORIO");
            }
        }
        return Optional.empty();
    }

    private static Optional<Reply> refuse(int code, String message) {
        return Optional.of(CorreosExpressSimulator.created(code, message, null));
    }
}
