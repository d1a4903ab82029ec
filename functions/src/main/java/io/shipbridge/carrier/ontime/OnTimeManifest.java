package io.shipbridge.carrier.ontime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * OnTime's daily manifest, in this project's format (README, "OnTime's files"): a CSV of the day's parcels, one line
 * per shipment, and the same as a printable A4 PDF with totals and a line for the driver's signature. Pure.
 */
final class OnTimeManifest {
    static final List<String> HEADER = List.of("manifest_date", "customer_code", "shipment_number", "reference",
            "recipient_name", "recipient_contact", "street", "postcode", "city", "country", "phone", "parcels",
            "weight_kg");
    private static final int LINES_PER_PAGE = 40;

    private OnTimeManifest() {
    }

    static byte[] csv(LocalDate day, String customerCode, List<ManifestLine.Numbered> lines) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new))
                .get())) {
            for (ManifestLine.Numbered numbered : lines) {
                ManifestLine line = numbered.line();
                csv.printRecord(day, customerCode, numbered.number(), line.reference(), line.name(), line.contact(),
                        line.street(), line.postcode(), line.city(), line.countryCode(), line.phone(), line.parcels(),
                        line.weightKg().stripTrailingZeros().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pdf(LocalDate day, String customerCode, String sender, List<ManifestLine.Numbered> lines) {
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int pages = Math.max(1, (lines.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
            for (int page = 0; page < pages; page++) {
                PDPage sheet = new PDPage(PDRectangle.A4);
                document.addPage(sheet);
                try (PDPageContentStream canvas = new PDPageContentStream(document, sheet)) {
                    float y = 800;
                    write(canvas, bold, 14, 40, y, "OnTime - manifest " + day + " - " + ascii(sender)
                            + " (" + customerCode + ")");
                    y -= 24;
                    write(canvas, bold, 9, 40, y, "Shipment");
                    write(canvas, bold, 9, 140, y, "Reference");
                    write(canvas, bold, 9, 240, y, "Recipient");
                    write(canvas, bold, 9, 420, y, "Postcode");
                    write(canvas, bold, 9, 480, y, "Parcels");
                    write(canvas, bold, 9, 525, y, "kg");
                    for (ManifestLine.Numbered numbered : lines.subList(page * LINES_PER_PAGE,
                            Math.min(lines.size(), (page + 1) * LINES_PER_PAGE))) {
                        y -= 16;
                        ManifestLine line = numbered.line();
                        write(canvas, regular, 9, 40, y, numbered.number());
                        write(canvas, regular, 9, 140, y, ascii(line.reference()));
                        write(canvas, regular, 9, 240, y, cut(ascii(line.name()), 34));
                        write(canvas, regular, 9, 420, y, ascii(line.postcode()));
                        write(canvas, regular, 9, 480, y, Integer.toString(line.parcels()));
                        write(canvas, regular, 9, 525, y, line.weightKg().stripTrailingZeros().toPlainString());
                    }
                    if (page == pages - 1) {
                        y -= 30;
                        write(canvas, bold, 10, 40, y, "Shipments: " + lines.size() + "   Parcels: "
                                + lines.stream().mapToInt(n -> n.line().parcels()).sum() + "   Weight: "
                                + lines.stream().map(n -> n.line().weightKg()).reduce(BigDecimal.ZERO, BigDecimal::add)
                                        .stripTrailingZeros().toPlainString() + " kg");
                        y -= 40;
                        write(canvas, regular, 10, 40, y, "Collected by (driver, signature, time): "
                                + "______________________________");
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDPageContentStream canvas, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        canvas.beginText();
        canvas.setFont(font, size);
        canvas.newLineAtOffset(x, y);
        canvas.showText(text == null ? "" : text);
        canvas.endText();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static String ascii(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7E]", "");
    }
}
