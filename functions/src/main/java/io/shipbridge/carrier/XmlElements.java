package io.shipbridge.carrier;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reading a carrier's XML answers by local element names, whatever namespace (or version of it) the carrier puts
 * them in. Parsing refuses DTDs and external entities: the document comes from outside.
 */
public final class XmlElements {
    private static final DocumentBuilderFactory FACTORY = factory();

    private XmlElements() {
    }

    /** The document's root element, or empty when the text is not well-formed XML (an HTML error page, say). */
    public static Optional<Element> parse(String xml) {
        if (xml == null || xml.isBlank()) {
            return Optional.empty();
        }
        try {
            javax.xml.parsers.DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            return Optional.of(builder.parse(new InputSource(new StringReader(xml.strip())))
                    .getDocumentElement());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return Optional.empty();
        }
    }

    /** The element's local name, with no prefix. */
    public static String name(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }

    /** The direct children with this local name. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name(element).equals(localName)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first child with this local name. */
    public static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The trimmed text at a path of child names below the element, or null when absent or blank. */
    public static String text(Element parent, String... path) {
        Element at = parent;
        for (String step : path) {
            Optional<Element> next = child(at, step);
            if (next.isEmpty()) {
                return null;
            }
            at = next.get();
        }
        String text = at.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe for outside documents", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
