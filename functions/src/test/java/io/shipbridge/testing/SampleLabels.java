package io.shipbridge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Labels as carriers return them: a one-page 10 x 15 cm PDF, a ZPL format. */
public final class SampleLabels {
    private SampleLabels() {
    }

    public static byte[] pdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(new PDRectangle(283, 425)));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] zpl(String text) {
        return ("^XA^FO50,50^A0N,40,40^FD" + text + "^FS^XZ").getBytes(StandardCharsets.US_ASCII);
    }
}
