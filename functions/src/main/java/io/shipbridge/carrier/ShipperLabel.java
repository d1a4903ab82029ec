package io.shipbridge.carrier;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The label Shipbridge prints itself for a carrier that prints none: a 10 x 15 cm PDF page with the carrier, the
 * sender, the recipient, our reference, the parcel count and weight, and the shipment number as a Code 128 barcode
 * (ZXing's encoder, drawn as vector bars so any printer resolution scans it) with the number written under it.
 */
public final class ShipperLabel {
    /** 10 x 15 cm in PDF points (1 pt = 1/72 in). */
    static final PDRectangle TEN_BY_FIFTEEN = new PDRectangle(283.46f, 425.20f);
    private static final float MARGIN = 14;
    private static final float BARCODE_HEIGHT = 70;

    private ShipperLabel() {
    }

    /** What the label says. */
    public record Content(String carrierName, String shipmentNumber, Address from, Address to, String reference,
            int parcels, BigDecimal weightKg, LocalDate shipDate) {
    }

    public static byte[] pdf(Content content) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(TEN_BY_FIFTEEN);
            document.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream canvas = new PDPageContentStream(document, page)) {
                float top = TEN_BY_FIFTEEN.getHeight() - MARGIN;
                top = text(canvas, bold, 16, top, List.of(content.carrierName()));
                top = text(canvas, regular, 8, top - 4, List.of("FROM / REMITENTE"));
                top = text(canvas, regular, 9, top, address(content.from()));
                top = text(canvas, regular, 8, top - 6, List.of("TO / DESTINATARIO"));
                top = text(canvas, bold, 12, top, address(content.to()));
                top = text(canvas, regular, 9, top - 6, List.of("Ref. " + content.reference(),
                        "Parcels / Bultos: " + content.parcels() + "   Weight / Peso: "
                                + content.weightKg().stripTrailingZeros().toPlainString() + " kg",
                        "Date / Fecha: " + content.shipDate()));
                barcode(canvas, content.shipmentNumber(), MARGIN + 18 + BARCODE_HEIGHT);
                text(canvas, bold, 12, MARGIN + 14, List.of(content.shipmentNumber()));
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the label of " + content.shipmentNumber(), e);
        }
    }

    /** The bars of the number's Code 128 symbol (quiet zones included), across the page's printable width. */
    private static void barcode(PDPageContentStream canvas, String number, float top) throws IOException {
        BitMatrix bars = new Code128Writer().encode(number, BarcodeFormat.CODE_128, 0, 1);
        float width = TEN_BY_FIFTEEN.getWidth() - 2 * MARGIN;
        float module = width / bars.getWidth();
        for (int x = 0; x < bars.getWidth(); x++) {
            if (bars.get(x, 0)) {
                canvas.addRect(MARGIN + x * module, top - BARCODE_HEIGHT, module, BARCODE_HEIGHT);
            }
        }
        canvas.fill();
    }

    private static float text(PDPageContentStream canvas, PDType1Font font, float size, float top, List<String> lines)
            throws IOException {
        float y = top;
        for (String line : lines) {
            y -= size * 1.25f;
            canvas.beginText();
            canvas.setFont(font, size);
            canvas.newLineAtOffset(MARGIN, y);
            canvas.showText(fitted(font, size, printable(font, line)));
            canvas.endText();
        }
        return y;
    }

    private static List<String> address(Address address) {
        List<String> lines = new ArrayList<>();
        lines.add(address.name());
        if (address.contact() != null && !address.contact().equals(address.name())) {
            lines.add(address.contact());
        }
        lines.add(address.street());
        lines.add((address.postcode() == null ? "" : address.postcode() + " ") + address.city()
                + (address.region() == null ? "" : " " + address.region()) + " (" + address.countryCode() + ")");
        if (address.phone() != null) {
            lines.add("Tel. " + address.phone());
        }
        return lines;
    }

    /** The text cut to the printable width (a long street must not run off the label). */
    private static String fitted(PDType1Font font, float size, String text) throws IOException {
        float width = TEN_BY_FIFTEEN.getWidth() - 2 * MARGIN;
        String fitted = text;
        while (!fitted.isEmpty() && font.getStringWidth(fitted) / 1000 * size > width) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }

    /** The text in the font's encoding: accents kept where WinAnsi has them, others reduced to their letter. */
    private static String printable(PDType1Font font, String text) {
        String value = text == null ? "" : text;
        try {
            font.encode(value);
            return value;
        } catch (IOException | IllegalArgumentException notEncodable) {
            return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7E]", "");
        }
    }
}
