package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.CarrierAnswers;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.TrackingEvent;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads TIPSA's SOAP responses. Pure: no I/O. A SOAP Fault is a refusal ({@link CarrierRejectedException}); a body
 * that is not the expected response is taken for unavailability ({@link CarrierUnavailableException}: such answers
 * come from proxies and outages far more often than from a changed API). State lists come as an XML document escaped inside
 * a string element ({@code <CONSULTA><ENV_ESTADOS V_COD_TIPO_EST=".." D_FEC_HORA_ALTA=".."/></CONSULTA>}).
 */
public final class TipsaResponses {
    /** TIPSA reports local Spanish time, month first ("11/28/2019 17:50:44"), as public integrations observed. */
    private static final DateTimeFormatter MONTH_FIRST = DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");
    private static final ZoneId SPAIN = ZoneId.of("Europe/Madrid");

    private TipsaResponses() {
    }

    /** TIPSA sessions expire (about 15 minutes): such a fault is cured by logging in again. */
    static boolean isSessionFault(CarrierRejectedException refusal) {
        String text = refusal.getMessage().toLowerCase(Locale.ROOT);
        return text.contains("soap fault") && (text.contains("session") || text.contains("sesion")
                || text.contains("sesión"));
    }

    private static CarrierUnavailableException unavailable(String message, Throwable cause) {
        return new CarrierUnavailableException(TipsaModule.ID, message, cause);
    }

    /** A shipment TIPSA recorded: its albarán (the tracking number) and its GUID. */
    public record Created(String albaran, String guid) {
    }

    public static String sessionId(String xml) {
        Element response = firstOf(parse(xml), "LoginWSService___LoginCli2Response", "LoginWSService___LoginCliResponse");
        String result = childText(response, "Result");
        String session = childText(response, "strSesion");
        if (!"true".equalsIgnoreCase(result) || session == null || session.isBlank()) {
            throw new CarrierRejectedException(TipsaModule.ID, "login refused (strError=" + childText(response, "strError")
                    + "): check TIPSA_AGENCY_CODE, TIPSA_CLIENT_CODE and the password in the carriers' secret", null);
        }
        return session;
    }

    public static Created created(String xml) {
        Element response = firstOf(parse(xml), "WebServService___GrabaEnvio24Response");
        String albaran = childText(response, "strAlbaranOut");
        if (albaran == null || albaran.isBlank()) {
            throw unavailable("GrabaEnvio24 answered without strAlbaranOut", null);
        }
        return new Created(albaran.trim(), childText(response, "strGuidOut"));
    }

    /** The label, base64-decoded to the bytes of the PDF or ZPL. */
    public static byte[] label(String xml) {
        Element response = firstOf(parse(xml), "WebServService___ConsEtiquetaEnvio8Response");
        String base64 = childText(response, "strEtiqueta");
        if (base64 == null || base64.isBlank()) {
            throw new CarrierRejectedException(TipsaModule.ID, "no label in ConsEtiquetaEnvio8 answer", null);
        }
        try {
            return Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw unavailable("label is not valid base64", e);
        }
    }

    /** Every state of the shipment, oldest first. */
    public static List<TrackingEvent> events(String xml, String albaran) {
        Element response = firstOf(parse(xml), "WebServService___ConsEnvEstadosResponse");
        List<TrackingEvent> events = new ArrayList<>();
        for (Element row : embeddedRows(childText(response, "strEnvEstados"), "ENV_ESTADOS")) {
            String code = row.getAttribute("V_COD_TIPO_EST").trim();
            if (code.isEmpty()) {
                continue;
            }
            events.add(new TrackingEvent(albaran, code, TipsaStatusCodes.CODES.describe(code),
                    TipsaStatusCodes.CODES.statusOf(code), time(row.getAttribute("D_FEC_HORA_ALTA")), null));
        }
        events.sort(Comparator.comparing(TrackingEvent::occurredAt));
        return events;
    }

    /** The albaranes of the shipments recorded under a reference (none when it was never used). */
    public static List<String> albaranesByReference(String xml) {
        Element response = firstOf(parse(xml), "WebServService___ConsEnvEstadosRefResponse");
        Set<String> albaranes = new LinkedHashSet<>();
        for (Element row : embeddedRows(childText(response, "strEnvEstadosRef"), "ENV_ESTADOS_REF")) {
            String albaran = row.getAttribute("V_ALBARAN").trim();
            if (!albaran.isEmpty()) {
                albaranes.add(albaran);
            }
        }
        return List.copyOf(albaranes);
    }

    /** BorraEnvio's {@code intCodErrorOut}: 0 deleted, 1 not found, 2 or 3 not allowed. */
    public static int cancelCode(String xml) {
        Element response = firstOf(parse(xml), "WebServService___BorraEnvioResponse");
        String code = childText(response, "intCodErrorOut");
        try {
            return Integer.parseInt(code == null ? "" : code.trim());
        } catch (NumberFormatException e) {
            throw unavailable("BorraEnvio answered intCodErrorOut=" + code, e);
        }
    }

    static Instant time(String value) {
        String text = value == null ? "" : value.trim();
        try {
            return LocalDateTime.parse(text, MONTH_FIRST).atZone(SPAIN).toInstant();
        } catch (DateTimeParseException notMonthFirst) {
            try {
                return LocalDateTime.parse(text, DAY_FIRST).atZone(SPAIN).toInstant();
            } catch (DateTimeParseException e) {
                throw unavailable("unreadable state time '" + text + "'", e);
            }
        }
    }

    private static List<Element> embeddedRows(String embedded, String rowName) {
        List<Element> rows = new ArrayList<>();
        if (embedded == null || embedded.isBlank()) {
            return rows;
        }
        NodeList nodes = parse(embedded).getElementsByTagName(rowName);
        for (int i = 0; i < nodes.getLength(); i++) {
            rows.add((Element) nodes.item(i));
        }
        return rows;
    }

    private static Element firstOf(Document document, String... responseNames) {
        throwIfFault(document);
        for (String name : responseNames) {
            NodeList found = document.getElementsByTagNameNS("*", name);
            if (found.getLength() > 0) {
                return (Element) found.item(0);
            }
        }
        throw unavailable("answer has no " + String.join(" or ", responseNames) + " (a <"
                + document.getDocumentElement().getNodeName() + "> document)", null);
    }

    private static void throwIfFault(Document document) {
        NodeList faults = document.getElementsByTagNameNS(TipsaRequests.SOAP_NS, "Fault");
        if (faults.getLength() > 0) {
            Element fault = (Element) faults.item(0);
            throw new CarrierRejectedException(TipsaModule.ID, "SOAP fault " + childText(fault, "faultcode") + ": "
                    + childText(fault, "faultstring"), null);
        }
    }

    private static String childText(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        return null;
    }

    private static Document parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw unavailable("empty answer", null);
        }
        try {
            return builder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw unavailable("answer is not XML: " + CarrierAnswers.describe(xml), null);
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return builder;
    }
}
