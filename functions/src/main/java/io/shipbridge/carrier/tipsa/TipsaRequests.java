package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.ShipmentRequest;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Builds TIPSA's SOAP 1.1 requests (document/literal, namespace {@code http://tempuri.org/}, RemObjects naming
 * {@code Service___Operation}). Pure: no I/O, testable against recorded envelopes.
 */
public final class TipsaRequests {
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String TEMPURI = "http://tempuri.org/";
    public static final String LOGIN_SERVICE = "LoginWSService";
    public static final String WEB_SERVICE = "WebServService";

    private static final DateTimeFormatter TIPSA_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private TipsaRequests() {
    }

    public static String login(TipsaSettings settings) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("strCodAge", settings.agencyCode());
        fields.put("strCod", settings.clientCode());
        fields.put("strPass", settings.password().get());
        return envelope(null, LOGIN_SERVICE + "___LoginCli2", fields);
    }

    /** GrabaEnvio24 with {@code boInsert=true}: records a new shipment, our reference in {@code strRef}. */
    public static String createShipment(String session, TipsaSettings settings, ShipmentRequest request) {
        Address from = request.shipFrom();
        Address to = request.shipTo();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("strCodAgeCargo", settings.agencyCode());
        fields.put("strCodAgeOri", settings.agencyCode());
        fields.put("dtFecha", TIPSA_DATE.format(request.shipDate()));
        fields.put("strCodTipoServ", settings.serviceCode());
        fields.put("strCodCli", settings.clientCode());
        fields.put("strNomOri", from.name());
        fields.put("strDirOri", from.street());
        fields.put("strPobOri", from.city());
        fields.put("strCPOri", from.postcode());
        fields.put("strTlfOri", from.phone());
        fields.put("strNomDes", to.name());
        fields.put("strDirDes", to.street());
        fields.put("strPobDes", to.city());
        fields.put("strCPDes", to.postcode());
        fields.put("strCodPais", to.countryCode());
        fields.put("strTlfDes", to.phone());
        fields.put("strPersContacto", to.contact());
        fields.put("strDesDirEmails", to.email());
        fields.put("intPaq", Integer.toString(request.parcels().size()));
        fields.put("dPesoOri", request.totalWeightKg().stripTrailingZeros().toPlainString());
        fields.put("strRef", request.reference());
        fields.put("strObs", request.notes());
        fields.put("boInsert", "true");
        return envelope(session, WEB_SERVICE + "___GrabaEnvio24", fields);
    }

    /** ConsEtiquetaEnvio8: the label of every parcel, base64, as PDF or ZPL. */
    public static String label(String session, TipsaSettings settings, String albaran) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("strCodAgeOri", settings.agencyCode());
        fields.put("strAlbaran", albaran);
        fields.put("intIdRepDet", "0");
        fields.put("strFormato", settings.labelFormat().extension());
        return envelope(session, WEB_SERVICE + "___ConsEtiquetaEnvio8", fields);
    }

    /** ConsEnvEstados: every state the shipment went through. */
    public static String tracking(String session, TipsaSettings settings, String albaran) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("strCodAgeCargo", settings.agencyCode());
        fields.put("strCodAgeOri", settings.agencyCode());
        fields.put("strAlbaran", albaran);
        return envelope(session, WEB_SERVICE + "___ConsEnvEstados", fields);
    }

    /** ConsEnvEstadosRef: the shipments recorded under our reference, with their states. */
    public static String findByReference(String session, String reference) {
        return envelope(session, WEB_SERVICE + "___ConsEnvEstadosRef", Map.of("strRef", reference));
    }

    /** BorraEnvio: deletes a shipment not yet picked up. */
    public static String cancel(String session, TipsaSettings settings, String albaran) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("strCodAgeOri", settings.agencyCode());
        fields.put("strCodAgeCar", settings.agencyCode());
        fields.put("strAlbaran", albaran);
        return envelope(session, WEB_SERVICE + "___BorraEnvio", fields);
    }

    private static String envelope(String session, String operation, Map<String, String> fields) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", SOAP_NS);
            xml.writeNamespace("soapenv", SOAP_NS);
            xml.writeNamespace("tem", TEMPURI);
            if (session != null) {
                xml.writeStartElement("soapenv", "Header", SOAP_NS);
                xml.writeStartElement("tem", "ROClientIDHeader", TEMPURI);
                element(xml, "ID", session);
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeStartElement("soapenv", "Body", SOAP_NS);
            xml.writeStartElement("tem", operation, TEMPURI);
            for (Map.Entry<String, String> field : fields.entrySet()) {
                element(xml, field.getKey(), field.getValue());
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write TIPSA request " + operation, e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("tem", name, TEMPURI);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }
}
