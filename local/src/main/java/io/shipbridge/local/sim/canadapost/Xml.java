package io.shipbridge.local.sim.canadapost;

/** Canada Post's answer documents, written as text: one default namespace, every value escaped. */
final class Xml {
    private final StringBuilder text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

    Xml(String root, String namespace) {
        text.append('<').append(root).append(" xmlns=\"").append(namespace).append("\">");
        open.push(root);
    }

    Xml open(String name) {
        text.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    Xml close() {
        text.append("</").append(open.pop()).append('>');
        return this;
    }

    Xml leaf(String name, String value) {
        text.append('<').append(name).append('>').append(escape(value == null ? "" : value)).append("</")
                .append(name).append('>');
        return this;
    }

    Xml link(String rel, String href, String mediaType) {
        text.append("<link rel=\"").append(rel).append("\" href=\"").append(escape(href)).append("\" media-type=\"")
                .append(mediaType).append("\"/>");
        return this;
    }

    String end() {
        while (!open.isEmpty()) {
            close();
        }
        return text.toString();
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
