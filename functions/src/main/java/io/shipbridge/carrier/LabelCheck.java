package io.shipbridge.carrier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Checks a label before it is stored: a PDF must parse as a PDF with at least one page (Apache PDFBox), a ZPL label
 * must be whole {@code ^XA ... ^XZ} formats and nothing else. A label that fails is refused with the reason.
 */
public final class LabelCheck {
    private LabelCheck() {
    }

    /** @throws InvalidLabelException when the label is not a printable document of its format */
    public static void verify(String carrier, String trackingNumber, Label label) {
        String problem = label.content() == null || label.content().length == 0 ? "it is empty"
                : switch (label.format()) {
                    case PDF -> pdfProblem(label.content());
                    case ZPL -> zplProblem(label.content());
                };
        if (problem != null) {
            throw new InvalidLabelException(carrier, "the label of " + trackingNumber + " is not a valid "
                    + label.format() + ": " + problem, null);
        }
    }

    private static String pdfProblem(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            return document.getNumberOfPages() > 0 ? null : "it has no page";
        } catch (IOException e) {
            return "it does not parse (" + e.getMessage() + ")";
        }
    }

    /** Every {@code ^XA} opens a format that a {@code ^XZ} closes; nothing but blanks outside them. */
    private static String zplProblem(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
        int at = 0;
        int formats = 0;
        while (true) {
            int start = text.indexOf("^XA", at);
            String before = text.substring(at, start < 0 ? text.length() : start);
            if (!before.isBlank()) {
                return "it has text outside a ^XA ... ^XZ format";
            }
            if (start < 0) {
                return formats == 0 ? "it has no ^XA ... ^XZ format" : null;
            }
            int end = text.indexOf("^XZ", start + 3);
            int nextStart = text.indexOf("^XA", start + 3);
            if (end < 0 || (nextStart >= 0 && nextStart < end)) {
                return "a ^XA format is not closed by ^XZ";
            }
            formats++;
            at = end + 3;
        }
    }
}
