package io.shipbridge.carrier.canadapost;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes one of Canada Post's request documents: every element in the document's one default namespace. */
final class XmlOut {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;

    XmlOut(String root, String namespace) {
        try {
            xml = FACTORY.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot start " + root, e);
        }
    }

    XmlOut open(String name) {
        try {
            xml.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write " + name, e);
        }
        return this;
    }

    XmlOut close() {
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot close an element", e);
        }
        return this;
    }

    /** An element with text; left out when the value is null or blank (every optional field of the schemas). */
    XmlOut leaf(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        open(name);
        try {
            xml.writeCharacters(value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write " + name, e);
        }
        return close();
    }

    String end() {
        try {
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot end the document", e);
        }
        return text.toString();
    }
}
