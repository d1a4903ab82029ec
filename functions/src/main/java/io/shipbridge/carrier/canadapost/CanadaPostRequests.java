package io.shipbridge.carrier.canadapost;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.order.Parcel;
import io.shipbridge.order.ParcelDimensions;
import io.shipbridge.order.PostalCodes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Builds Canada Post's request documents (contract {@code shipment-v8}, non-contract {@code ncshipment-v4},
 * {@code manifest-v8} transmit set). Pure: no I/O. What Canada Post would refuse for sure is refused here with the
 * reason, before any call: a destination outside Canada (customs declarations are not built), a postal code or
 * province that is not Canadian, more than 30 kg.
 */
final class CanadaPostRequests {
    static final String SHIPMENT_NS = "http://www.canadapost.ca/ws/shipment-v8";
    static final String SHIPMENT_MEDIA = "application/vnd.cpc.shipment-v8+xml";
    static final String NC_SHIPMENT_NS = "http://www.canadapost.ca/ws/ncshipment-v4";
    static final String NC_SHIPMENT_MEDIA = "application/vnd.cpc.ncshipment-v4+xml";
    static final String MANIFEST_NS = "http://www.canadapost.ca/ws/manifest-v8";
    static final String MANIFEST_MEDIA = "application/vnd.cpc.manifest-v8+xml";
    static final String TRACK_MEDIA = "application/vnd.cpc.track-v2+xml";

    /** Canada Post's limit for one parcel. */
    static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("30");
    private static final int LINE = 44;
    private static final int CITY = 40;
    private static final int REFERENCE = 35;

    private CanadaPostRequests() {
    }

    /** The group a shipment of this hand-over day is created in, and transmitted by: {@code yyyyMMdd}. */
    static String groupId(LocalDate day) {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /**
     * The {@code customer-request-id} a shipment is created with and found again by after a lost answer: the
     * reference itself when it fits Canada Post's 35 characters, else a digest of it.
     */
    static String requestId(String reference) {
        if (reference.length() <= REFERENCE && reference.matches("[\\x21-\\x7E]+")) {
            return reference;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(reference.getBytes(StandardCharsets.UTF_8));
            return "sb-" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A contract shipment in the group of its ship date, to be transmitted at that day's cut-off. */
    static String shipment(CanadaPostSettings settings, ShipmentRequest request) {
        XmlOut xml = new XmlOut("shipment", SHIPMENT_NS)
                .leaf("customer-request-id", requestId(request.reference()))
                .leaf("group-id", groupId(request.shipDate()))
                .leaf("requested-shipping-point", compactPostalCode(settings.shipFrom(), "the dispatch address"))
                .leaf("expected-mailing-date", request.shipDate().toString());
        deliverySpec(xml, settings, request, true);
        return xml.end();
    }

    /** A non-contract shipment (Solutions for Small Business): paid by the profile's card, no group, no manifest. */
    static String nonContractShipment(CanadaPostSettings settings, ShipmentRequest request) {
        XmlOut xml = new XmlOut("non-contract-shipment", NC_SHIPMENT_NS)
                .leaf("requested-shipping-point", compactPostalCode(settings.shipFrom(), "the dispatch address"));
        deliverySpec(xml, settings, request, false);
        return xml.end();
    }

    /** Transmits the groups of these hand-over days: the manifest Canada Post bills them by. */
    static String transmit(CanadaPostSettings settings, Collection<LocalDate> days) {
        Address from = settings.shipFrom();
        XmlOut xml = new XmlOut("transmit-set", MANIFEST_NS).open("group-ids");
        days.stream().sorted().forEach(day -> xml.leaf("group-id", groupId(day)));
        xml.close()
                .leaf("requested-shipping-point", compactPostalCode(from, "the dispatch address"))
                .leaf("detailed-manifests", "true")
                .leaf("method-of-payment", settings.paymentMethod())
                .open("manifest-address")
                .leaf("manifest-company", cut(from.name(), LINE))
                .leaf("phone-number", cut(from.phone(), 25))
                .open("address-details")
                .leaf("address-line-1", cut(from.street(), LINE))
                .leaf("city", cut(from.city(), CITY))
                .leaf("prov-state", province(from, "the dispatch address"))
                .leaf("country-code", "CA")
                .leaf("postal-zip-code", compactPostalCode(from, "the dispatch address"))
                .close()
                .close();
        return xml.end();
    }

    private static void deliverySpec(XmlOut xml, CanadaPostSettings settings, ShipmentRequest request,
            boolean contract) {
        Address from = request.shipFrom();
        Address to = request.shipTo();
        if (!"CA".equals(to.countryCode())) {
            throw refused("Shipbridge ships with Canada Post within Canada only (destination " + to.countryCode()
                    + "): customs declarations are not built yet");
        }
        xml.open("delivery-spec").leaf("service-code", settings.serviceCode())
                .open("sender")
                .leaf("name", cut(from.contact(), LINE))
                .leaf("company", cut(from.name(), LINE))
                .leaf("contact-phone", cut(from.phone(), 25))
                .open("address-details");
        street(xml, from.street());
        xml.leaf("city", cut(from.city(), CITY))
                .leaf("prov-state", province(from, "the dispatch address"));
        if (contract) {
            xml.leaf("country-code", "CA");
        }
        xml.leaf("postal-zip-code", compactPostalCode(from, "the dispatch address"))
                .close()
                .close()
                .open("destination")
                .leaf("name", cut(to.contact() != null ? to.contact() : to.name(), LINE))
                .leaf("company", to.name() != null && !to.name().equals(to.contact()) ? cut(to.name(), LINE) : null)
                .leaf("client-voice-number", cut(to.phone(), 25))
                .open("address-details");
        street(xml, to.street());
        xml.leaf("city", cut(to.city(), CITY))
                .leaf("prov-state", province(to, "the customer's address"))
                .leaf("country-code", "CA")
                .leaf("postal-zip-code", compactPostalCode(to, "the customer's address"))
                .close()
                .close();
        parcel(xml, request);
        if (contract) {
            xml.open("print-preferences")
                    .leaf("output-format", "4x6")
                    .leaf("encoding", settings.labelFormat().name())
                    .close();
        }
        xml.open("preferences")
                .leaf("show-packing-instructions", "false")
                .leaf("show-postage-rate", "false")
                .leaf("show-insured-value", "false")
                .close()
                .open("references")
                .leaf("customer-ref-1", cut(request.reference(), REFERENCE))
                .leaf("customer-ref-2", cut(request.notes(), REFERENCE))
                .close();
        if (contract) {
            xml.open("settlement-info")
                    .leaf("contract-id", settings.contractId())
                    .leaf("intended-method-of-payment", settings.paymentMethod())
                    .close();
        }
        xml.close();
    }

    /** One parcel: a Canada Post shipment is one parcel, so an order's parcels travel as one of their total weight. */
    private static void parcel(XmlOut xml, ShipmentRequest request) {
        BigDecimal weight = request.totalWeightKg().setScale(3, RoundingMode.UP);
        if (weight.compareTo(MAX_WEIGHT_KG) > 0) {
            throw refused("the order weighs " + weight.toPlainString() + " kg: over Canada Post's 30 kg for a parcel");
        }
        if (weight.signum() <= 0) {
            throw refused("the order has no weight");
        }
        xml.open("parcel-characteristics").leaf("weight", weight.toPlainString());
        ParcelDimensions box = request.parcels().size() == 1 ? request.parcels().get(0).dimensionsCm() : null;
        if (box != null) {
            xml.open("dimensions")
                    .leaf("length", centimetres(box.lengthCm()))
                    .leaf("width", centimetres(box.widthCm()))
                    .leaf("height", centimetres(box.heightCm()))
                    .close();
        }
        xml.close();
    }

    private static String centimetres(BigDecimal value) {
        return value.setScale(1, RoundingMode.UP).toPlainString();
    }

    /** Up to two lines of 44: the street is cut at the last space before the limit. */
    private static void street(XmlOut xml, String street) {
        String text = street == null ? "" : street.trim();
        if (text.isEmpty()) {
            throw refused("the address has no street");
        }
        if (text.length() <= LINE) {
            xml.leaf("address-line-1", text);
            return;
        }
        int cut = text.lastIndexOf(' ', LINE);
        int at = cut > 0 ? cut : LINE;
        xml.leaf("address-line-1", text.substring(0, at).trim())
                .leaf("address-line-2", cut(text.substring(at).trim(), LINE));
    }

    private static String province(Address address, String whose) {
        return Provinces.code(address.region()).orElseThrow(() -> refused(whose + " has no Canadian province"
                + (address.region() == null || address.region().isBlank() ? "" : " ('" + address.region() + "')")
                + ": Canada Post needs one (ON, QC, BC...)"));
    }

    /** Upper case, no space: the schemas' {@code [A-Z]\d[A-Z]\d[A-Z]\d}. */
    private static String compactPostalCode(Address address, String whose) {
        if (!PostalCodes.isValid("CA", address.postcode())) {
            throw refused(whose + " has postal code '" + address.postcode() + "', not a Canadian one (A1A 1A1)");
        }
        return address.postcode().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String cut(String value, int length) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static CarrierRejectedException refused(String why) {
        return new CarrierRejectedException(CanadaPostModule.ID, why, null);
    }
}
