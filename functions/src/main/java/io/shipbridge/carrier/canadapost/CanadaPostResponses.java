package io.shipbridge.carrier.canadapost;

import static io.shipbridge.carrier.XmlElements.child;
import static io.shipbridge.carrier.XmlElements.children;
import static io.shipbridge.carrier.XmlElements.name;
import static io.shipbridge.carrier.XmlElements.text;

import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.XmlElements;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * Reads Canada Post's answers. Pure: no I/O. Elements are read by local name, so the namespace versions Canada Post
 * has used (tracking answers come as {@code track} and {@code track-v2}) read alike. An error is a {@code messages}
 * document of {@code code} and {@code description}: a refusal; an answer that is neither the expected document nor
 * that (a proxy's page) is taken for unavailability.
 */
final class CanadaPostResponses {
    /** "No Pin History": Canada Post has no event for the PIN yet. */
    static final String NO_PIN_HISTORY = "004";
    /** "All groups in the transmit request were empty...": nothing left to transmit. */
    static final String NOTHING_TO_TRANSMIT = "9122";
    /** "A Shipment can only be void if it is in a PROCESSED or PRINTED state": it was transmitted. */
    static final String TRANSMITTED_ALREADY = "8064";
    /** Canada Post's tracking reports local time with a zone abbreviation: these are Canada's (and its neighbours'). */
    private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("NST", ZoneOffset.ofHoursMinutes(-3, -30)), Map.entry("NDT", ZoneOffset.ofHoursMinutes(-2, -30)),
            Map.entry("AST", ZoneOffset.ofHours(-4)), Map.entry("ADT", ZoneOffset.ofHours(-3)),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("YST", ZoneOffset.ofHours(-9)), Map.entry("HST", ZoneOffset.ofHours(-10)),
            Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC));
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Toronto");

    private CanadaPostResponses() {
    }

    /** A shipment as Canada Post describes it ({@code shipment-info}, {@code non-contract-shipment-info}). */
    record ShipmentInfo(String shipmentId, String trackingPin, String status, URI self, Link label) {
    }

    /** A link of a Canada Post document: where, and what to {@code Accept} when following it. */
    record Link(String rel, URI href, String mediaType) {
    }

    /** A manifest: its number (PO), and where its printable document is. */
    record Manifest(String poNumber, Link artifact) {
    }

    /** One message of a {@code messages} document. */
    record Message(String code, String description) {
        @Override
        public String toString() {
            return code + " " + description;
        }
    }

    static ShipmentInfo shipmentInfo(String xml) {
        Element root = expect(xml, "shipment-info", "non-contract-shipment-info");
        String id = text(root, "shipment-id");
        if (id == null) {
            throw unavailable("the shipment answer has no shipment-id");
        }
        List<Link> links = links(root);
        return new ShipmentInfo(id, text(root, "tracking-pin"), text(root, "shipment-status"),
                find(links, "self").map(Link::href).orElse(null), find(links, "label").orElse(null));
    }

    /** The {@code customer-ref-1} of a shipment's details (non-contract shipments are found by it). */
    static String detailsReference(String xml) {
        Element root = expect(xml, "shipment-details", "non-contract-shipment-details");
        Element spec = child(root, "delivery-spec")
                .or(() -> child(root, "shipment-detail").flatMap(detail -> child(detail, "delivery-spec")))
                .orElse(null);
        return spec == null ? null : text(spec, "references", "customer-ref-1");
    }

    /** The shipments a search found ({@code shipments}, {@code non-contract-shipments}): their links. */
    static List<URI> shipmentLinks(String xml) {
        Element root = expect(xml, "shipments", "non-contract-shipments");
        return linksIn(root).stream().filter(link -> link.rel().equals("shipment") || link.rel().equals("self"))
                .map(Link::href).toList();
    }

    /** The manifests a transmit made, or a search found. */
    static List<Link> manifestLinks(String xml) {
        Element root = expect(xml, "manifests");
        return linksIn(root).stream().filter(link -> link.rel().equals("manifest")).toList();
    }

    static Manifest manifest(String xml) {
        Element root = expect(xml, "manifest");
        Link artifact = find(links(root), "artifact").orElseThrow(() -> unavailable(
                "the manifest answer has no artifact link"));
        return new Manifest(text(root, "po-number"), artifact);
    }

    /** Every scan of a PIN ({@code tracking-detail}, newest first), oldest first, its event identifier without leading zeros. */
    static List<TrackingEvent> events(String xml, String pin) {
        Element root = expect(xml, "tracking-detail");
        List<TrackingEvent> events = new ArrayList<>();
        for (Element occurrence : child(root, "significant-events").map(e -> children(e, "occurrence"))
                .orElse(List.of())) {
            String code = eventCode(text(occurrence, "event-identifier"));
            if (code == null) {
                continue;
            }
            String description = text(occurrence, "event-description");
            String site = text(occurrence, "event-site");
            String province = text(occurrence, "event-province");
            String location = site == null ? province : province == null ? site : site + ", " + province;
            events.add(new TrackingEvent(pin, code, description != null ? description
                    : CanadaPostStatusCodes.CODES.describe(code), CanadaPostStatusCodes.CODES.statusOf(code),
                    when(text(occurrence, "event-date"), text(occurrence, "event-time"),
                            text(occurrence, "event-time-zone")), location));
        }
        // Canada Post lists the newest first: reversed, events of the same minute keep their order.
        java.util.Collections.reverse(events);
        events.sort(Comparator.comparing(TrackingEvent::occurredAt));
        return events;
    }

    /** Event identifiers come zero-padded ("0174") as often as not ("20"): the table keys have no padding. */
    static String eventCode(String raw) {
        if (raw == null) {
            return null;
        }
        String stripped = raw.trim().replaceFirst("^0+(?=.)", "");
        return stripped.isEmpty() ? null : stripped;
    }

    /** The messages of an error document; empty when the text is not one. */
    static List<Message> messages(String xml) {
        Optional<Element> root = XmlElements.parse(xml).filter(element -> name(element).equals("messages"));
        return root.map(element -> children(element, "message").stream()
                .map(message -> new Message(text(message, "code"), text(message, "description"))).toList())
                .orElse(List.of());
    }

    /** Whether the text is a {@code messages} document (possibly empty, as a 404 of a void may be). */
    static boolean isMessages(String xml) {
        return XmlElements.parse(xml).filter(element -> name(element).equals("messages")).isPresent();
    }

    static boolean hasCode(List<Message> messages, String code) {
        return messages.stream().anyMatch(message -> code.equals(message.code()));
    }

    /**
     * What a failed call means: a {@code messages} document is Canada Post refusing (the reasons quoted); anything
     * else on a 4xx is a page from something in between.
     */
    static RuntimeException failure(String action, int status, String body) {
        if (!isMessages(body)) {
            return unavailable(action + " answered HTTP " + status + " without Canada Post's messages");
        }
        List<Message> messages = messages(body);
        String reasons = messages.isEmpty() ? "no message"
                : messages.stream().map(Message::toString).collect(Collectors.joining("; "));
        String hint = status == 401 || status == 403
                ? " (check CANADAPOST_USERNAME, CANADAPOST_CUSTOMER_NUMBER and the password in the carriers' secret)"
                : "";
        return new CarrierRejectedException(CanadaPostModule.ID, action + " refused (HTTP " + status + "): "
                + reasons + hint, null);
    }

    private static Instant when(String date, String time, String zone) {
        try {
            LocalDate day = LocalDate.parse(date);
            LocalTime at = time == null ? LocalTime.NOON : LocalTime.parse(time);
            ZoneId in = zone == null ? DEFAULT_ZONE : ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), null);
            return day.atTime(at).atZone(in != null ? in : DEFAULT_ZONE).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw unavailable("a tracking event has date '" + date + "' and time '" + time + "'");
        }
    }

    private static Element expect(String xml, String... rootNames) {
        Element root = XmlElements.parse(xml).orElseThrow(() -> unavailable("the answer is not XML"));
        if (!List.of(rootNames).contains(name(root))) {
            throw unavailable("expected " + String.join(" or ", rootNames) + ", got " + name(root));
        }
        return root;
    }

    private static List<Link> links(Element root) {
        return child(root, "links").map(CanadaPostResponses::linksIn).orElse(List.of());
    }

    private static List<Link> linksIn(Element parent) {
        List<Link> links = new ArrayList<>();
        for (Element link : children(parent, "link")) {
            try {
                links.add(new Link(link.getAttribute("rel"), URI.create(link.getAttribute("href").trim()),
                        link.getAttribute("media-type")));
            } catch (IllegalArgumentException e) {
                throw unavailable("a link has href '" + link.getAttribute("href") + "'");
            }
        }
        return links;
    }

    private static Optional<Link> find(List<Link> links, String rel) {
        return links.stream().filter(link -> link.rel().equals(rel)).findFirst();
    }

    private static CarrierUnavailableException unavailable(String why) {
        return new CarrierUnavailableException(CanadaPostModule.ID, why, null);
    }
}
