package io.shipbridge.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The label Shipbridge prints itself, opened as a printer and a scanner would read it. */
class ShipperLabelTest {
    private static final ShipperLabel.Content CONTENT = new ShipperLabel.Content("OnTime", "OT0012345678",
            new Address("Shipbridge Demo Seller SL", "Almacén", "Polígono Industrial Norte, Nave 7", "46001",
                    "Valencia", "ES", "+34 960 000 000", null),
            new Address("Distribuciones y Suministros del Mediterráneo Sociedad Limitada Unipersonal", "Lucía García",
                    "Calle de Alcalá 42 3º B, escalera interior, puerta 14, junto a la farmacia", "28014", "Madrid",
                    "ES", "+34 600 000 000", null), "SB000123-A", 2, new BigDecimal("0.850"),
            LocalDate.of(2026, 11, 20));

    @Test
    void isOneTenByFifteenPageThatPassesTheLabelCheckAndSaysWhoWhatAndWhere() throws Exception {
        byte[] pdf = ShipperLabel.pdf(CONTENT);

        LabelCheck.verify("ontime", "OT0012345678", new Label(LabelFormat.PDF, pdf));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth() / 72 * 2.54).isCloseTo(10.0,
                    org.assertj.core.data.Offset.offset(0.01));
            assertThat(document.getPage(0).getMediaBox().getHeight() / 72 * 2.54).isCloseTo(15.0,
                    org.assertj.core.data.Offset.offset(0.01));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("OnTime", "Shipbridge Demo Seller SL", "Lucía García", "28014 Madrid (ES)",
                    "Ref. SB000123-A", "Parcels / Bultos: 2", "0.85 kg", "OT0012345678");
        }
    }

    @Test
    void itsBarcodeScansBackToTheShipmentNumber() throws Exception {
        byte[] pdf = ShipperLabel.pdf(CONTENT);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 203);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            Result scanned = new Code128Reader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));

            assertThat(scanned.getText()).isEqualTo("OT0012345678");
        }
    }
}
