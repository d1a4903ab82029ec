package io.shipbridge.carrier.seur;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.config.Json;
import io.shipbridge.order.Parcel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds SEUR's API requests, as SEUR's own shop modules send them (fields {@code reference}, {@code charges},
 * {@code comments}, {@code parcelReference}). Pure: no I/O. SEUR refuses over-long fields with a 400, so names and
 * streets are cut to its limits here.
 */
final class SeurRequests {
    static final String TOKEN_PATH = "/pic_token";
    static final String SHIPMENTS_PATH = "/pic/v1/shipments";
    static final String CANCEL_PATH = "/pic/v1/shipments/cancel";
    static final String LABELS_PATH = "/pic/v1/labels";
    static final String TRACKING_PATH = "/pic/v1/tracking-services/extended";

    private SeurRequests() {
    }

    /** The OAuth2 password grant, form-encoded. */
    static String tokenForm(SeurSettings settings) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret().get());
        form.put("username", settings.username());
        form.put("password", settings.password().get());
        return encode(form);
    }

    static String shipment(SeurSettings settings, ShipmentRequest request) {
        boolean abroad = !request.shipFrom().countryCode().equalsIgnoreCase(request.shipTo().countryCode());
        SeurSettings.Product product = abroad ? settings.international() : settings.national();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("serviceCode", product.serviceCode());
        body.put("productCode", product.productCode());
        body.put("charges", "P");
        body.put("reference", cut(request.reference(), 50));
        body.put("comments", cut(request.notes(), 50));
        ObjectNode sender = actor(body.putObject("sender"), request.shipFrom());
        sender.put("idNumber", settings.idNumber());
        sender.put("accountNumber", settings.account());
        actor(body.putObject("receiver"), request.shipTo());
        ArrayNode parcels = body.putArray("parcels");
        for (Parcel parcel : request.parcels()) {
            ObjectNode item = parcels.addObject();
            item.put("weight", parcel.weightKg());
            if (parcel.dimensionsCm() != null) {
                item.put("length", parcel.dimensionsCm().lengthCm());
                item.put("width", parcel.dimensionsCm().widthCm());
                item.put("height", parcel.dimensionsCm().heightCm());
            }
            item.put("parcelReference", cut(request.reference() + "-" + parcel.number(), 50));
        }
        return body.toString();
    }

    private static ObjectNode actor(ObjectNode actor, Address address) {
        actor.put("name", cut(address.name(), 50));
        actor.put("contactName", cut(address.contact(), 50));
        actor.put("phone", cut(address.phone(), 50));
        actor.put("email", address.email() == null ? "" : cut(address.email(), 100));
        ObjectNode place = actor.putObject("address");
        place.put("streetName", cut(address.street(), 70));
        place.put("cityName", cut(address.city(), 50));
        place.put("postalCode", cut(address.postcode(), 10));
        place.put("country", address.countryCode());
        return actor;
    }

    static String labelsQuery(String shipmentCode, LabelFormat format) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", shipmentCode);
        query.put("type", format == LabelFormat.ZPL ? "ZPL" : "PDF");
        query.put("entity", "EXPEDITIONS");
        return encode(query);
    }

    /** @param refType {@code ECB} for a tracking number, {@code REFERENCE} for our reference */
    static String trackingQuery(SeurSettings settings, String ref, String refType) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ref", ref);
        query.put("refType", refType);
        query.put("idNumber", settings.idNumber());
        query.put("accountNumber", settings.accountNumber());
        query.put("businessUnit", settings.businessUnit());
        return encode(query);
    }

    static String cancel(String shipmentCode) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("codes").add(shipmentCode);
        return body.toString();
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return "";
        }
        String trimmed = value.trim();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
