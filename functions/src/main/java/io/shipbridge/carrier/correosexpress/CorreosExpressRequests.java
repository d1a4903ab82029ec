package io.shipbridge.carrier.correosexpress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.config.Json;
import io.shipbridge.order.Parcel;
import io.shipbridge.order.ParcelDimensions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;

/**
 * Builds Correos Express's requests (JSON, every value a string as CEX's specification shows them). Pure: no I/O.
 * Fields are cut to CEX's lengths; parcel measures go in metres, as CEX takes them.
 */
final class CorreosExpressRequests {
    static final String CREATE_PATH = "apiRestGrabacionEnviok8s/json/grabacionEnvio";
    static final String TRACKING_PATH = "apiRestSeguimientoEnviosk8s/json/seguimientoEnvio";
    static final String LABEL_PATH = "apiRestEtiquetaTransporte/json/etiquetaTransporte";
    private static final DateTimeFormatter CEX_DATE = DateTimeFormatter.ofPattern("ddMMuuuu");
    private static final BigDecimal CENTIMETRES_PER_METRE = BigDecimal.valueOf(100);

    private CorreosExpressRequests() {
    }

    /** Our reference as CEX keeps it ({@code ref}, at most 20 characters): what finds the shipment again. */
    static String reference(String orderId) {
        return cut(orderId, 20);
    }

    static String shipment(CorreosExpressSettings settings, ShipmentRequest request) {
        Address from = request.shipFrom();
        Address to = request.shipTo();
        boolean national = CorreosExpressProducts.national(to);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("solicitante", settings.requester());
        body.put("canalEntrada", "");
        body.put("numEnvio", "");
        body.put("ref", reference(request.reference()));
        body.put("refCliente", cut(request.reference(), 30));
        body.put("fecha", CEX_DATE.format(request.shipDate()));
        body.put("codRte", settings.clientCode());
        body.put("nomRte", cut(from.name(), 40));
        body.put("dirRte", cut(from.street(), 300));
        body.put("pobRte", cut(from.city(), 40));
        body.put("codPosNacRte", cut(from.postcode(), 5));
        body.put("paisISORte", from.countryCode());
        body.put("contacRte", cut(from.contact(), 40));
        body.put("telefRte", phone(from.phone()));
        body.put("nomDest", cut(to.name(), 40));
        body.put("dirDest", cut(to.street(), 300));
        body.put("pobDest", cut(to.city(), 40));
        body.put("codPosNacDest", national ? cut(to.postcode(), 5) : "");
        body.put("paisISODest", to.countryCode());
        body.put("codPosIntDest", national ? "" : cut(to.postcode(), CorreosExpressLimits.LIMITS.postcodeMax()));
        body.put("contacDest", cut(to.contact(), 40));
        body.put("telefDest", phone(to.phone()));
        body.put("emailDest", to.email() == null ? "" : cut(to.email(), 75));
        body.put("observac", cut(request.notes(), 80));
        body.put("numBultos", Integer.toString(request.parcels().size()));
        body.put("kilos", kilos(request.totalWeightKg()));
        body.put("producto", settings.products().forDestination(to));
        body.put("portes", "P");
        body.put("reembolso", "");
        body.put("entrSabado", "");
        body.put("seguro", "");
        ArrayNode parcels = body.putArray("listaBultos");
        for (Parcel parcel : request.parcels()) {
            ObjectNode item = parcels.addObject();
            item.put("orden", parcel.number());
            item.put("kilos", kilos(parcel.weightKg()));
            item.put("referencia", cut(request.reference() + "-" + parcel.number(), 30));
            ParcelDimensions box = parcel.dimensionsCm();
            item.put("largo", box == null ? "" : metres(box.lengthCm()));
            item.put("ancho", box == null ? "" : metres(box.widthCm()));
            item.put("alto", box == null ? "" : metres(box.heightCm()));
        }
        body.put("password", "");
        body.putArray("listaInformacionAdicional").addObject()
                .put("tipoEtiqueta", settings.labelFormat() == LabelFormat.ZPL ? "2" : "1").put("etiquetaPDF", "");
        return body.toString();
    }

    static String tracking(CorreosExpressSettings settings, String dato) {
        return Json.MAPPER.createObjectNode().put("codigoCliente", settings.clientCode()).put("dato", dato)
                .put("idioma", "ES").toString();
    }

    static String label(CorreosExpressSettings settings, String shipmentNumber) {
        return Json.MAPPER.createObjectNode().put("nenvio", shipmentNumber)
                .put("tipo", settings.labelFormat() == LabelFormat.ZPL ? "2" : "1")
                .put("keyCli", settings.clientCode()).toString();
    }

    /** CEX's phones: at most 15 digits, an international prefix written 00. */
    static String phone(String phone) {
        if (phone == null) {
            return "";
        }
        return cut(phone.trim().replaceFirst("^\\+", "00").replaceAll("[^0-9]", ""), 15);
    }

    private static String kilos(BigDecimal kilograms) {
        return kilograms.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static String metres(BigDecimal centimetres) {
        return centimetres.divide(CENTIMETRES_PER_METRE, 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return "";
        }
        String trimmed = value.trim();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
    }
}
