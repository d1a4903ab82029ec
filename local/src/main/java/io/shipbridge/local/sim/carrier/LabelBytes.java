package io.shipbridge.local.sim.carrier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Labels as carriers print them, small: a 10 x 15 cm PDF page of text lines, or a ZPL format. */
public final class LabelBytes {
    /** 10 x 15 cm in PDF points. */
    private static final PDRectangle TEN_BY_FIFTEEN = new PDRectangle(283.5f, 425.2f);

    private LabelBytes() {
    }

    public static byte[] pdf(List<String> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(TEN_BY_FIFTEEN);
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(20, 390);
                for (String line : lines) {
                    text.showText(ascii(line));
                    text.newLineAtOffset(0, -18);
                }
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] zpl(List<String> lines) {
        StringBuilder zpl = new StringBuilder("^XA^CI28");
        int y = 40;
        for (String line : lines) {
            zpl.append("^FO40,").append(y).append("^A0N,36,36^FD").append(ascii(line).replace("^", " ")).append("^FS");
            y += 50;
        }
        return zpl.append("^XZ").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7E]", "");
    }
}
