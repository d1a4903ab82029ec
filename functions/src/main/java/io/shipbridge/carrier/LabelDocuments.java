package io.shipbridge.carrier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * One label document out of the per-parcel labels some carriers answer with: PDFs merged page after page, ZPL
 * formats one after the other. A carrier's label that does not parse is left for {@link LabelCheck} to refuse.
 */
public final class LabelDocuments {
    private LabelDocuments() {
    }

    public static Label combine(String carrier, LabelFormat format, List<byte[]> parts) {
        if (parts.isEmpty()) {
            throw new CarrierRejectedException(carrier, "answered without any label", null);
        }
        if (parts.size() == 1) {
            return new Label(format, parts.get(0));
        }
        return new Label(format, format == LabelFormat.PDF ? mergedPdf(carrier, parts) : concatenated(parts));
    }

    private static byte[] mergedPdf(String carrier, List<byte[]> parts) {
        try (PDDocument merged = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] part : parts) {
                try (PDDocument document = Loader.loadPDF(part)) {
                    merger.appendDocument(merged, document);
                }
            }
            merged.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new InvalidLabelException(carrier, "one of its parcel labels is not a valid PDF ("
                    + e.getMessage() + ")", e);
        }
    }

    private static byte[] concatenated(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
