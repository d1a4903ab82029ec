package io.shipbridge.carrier;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.testing.SampleLabels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelCheckTest {

    @Test
    void aPdfThatParsesWithAPageIsAccepted() {
        assertThatCode(() -> LabelCheck.verify("seur", "T1", new Label(LabelFormat.PDF, SampleLabels.pdf())))
                .doesNotThrowAnyException();
    }

    @Test
    void aPdfThatOnlyStartsLikeOneIsRefusedWithTheReason() {
        byte[] magicOnly = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] truncated = Arrays.copyOf(SampleLabels.pdf(), 200);

        assertThatThrownBy(() -> LabelCheck.verify("seur", "T2", new Label(LabelFormat.PDF, magicOnly)))
                .isInstanceOf(InvalidLabelException.class).hasMessageContaining("seur: the label of T2 is not a valid PDF");
        assertThatThrownBy(() -> LabelCheck.verify("seur", "T3", new Label(LabelFormat.PDF, truncated)))
                .isInstanceOf(InvalidLabelException.class);
        assertThatThrownBy(() -> LabelCheck.verify("seur", "T4", new Label(LabelFormat.PDF,
                "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidLabelException.class).hasMessageContaining("does not parse");
        assertThatThrownBy(() -> LabelCheck.verify("seur", "T5", new Label(LabelFormat.PDF, new byte[0])))
                .isInstanceOf(InvalidLabelException.class).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"^XA^FO50,50^FDTIPSA 1^FS^XZ", "  ^XA^FDa^FS^XZ\n^XA^FDb^FS^XZ\n", "^xa^fdlower^fs^xz"})
    void wholeZplFormatsAreAccepted(String zpl) {
        assertThatCode(() -> LabelCheck.verify("tipsa", "T6", new Label(LabelFormat.ZPL,
                zpl.getBytes(StandardCharsets.US_ASCII)))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"^XA^FO50,50^FDcut short", "^FDno start^XZ", "^XA^FDa^XA^FDb^XZ", "garbage ^XA^XZ",
        "^XA^XZ trailing", "   "})
    void brokenZplIsRefused(String zpl) {
        assertThatThrownBy(() -> LabelCheck.verify("tipsa", "T7", new Label(LabelFormat.ZPL,
                zpl.getBytes(StandardCharsets.US_ASCII)))).isInstanceOf(InvalidLabelException.class)
                .hasMessageContaining("not a valid ZPL");
    }
}
