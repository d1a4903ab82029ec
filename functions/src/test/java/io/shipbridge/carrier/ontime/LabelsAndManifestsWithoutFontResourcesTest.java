package io.shipbridge.carrier.ontime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.LabelCheck;
import io.shipbridge.carrier.LabelDocuments;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.carrier.ShipperLabel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar leaves out fontbox's predefined CMaps (functions/pom.xml's filters for fontbox and pdfbox). Every
 * PDF path of the functions runs here where those resources cannot be found, as
 * in the jar: a class loader over this test's class path that hides what the filters exclude. Shipbridge's own labels
 * and OnTime's manifest (Helvetica), the label check and the merge of a carrier's labels, one of them in a Japanese
 * Type 0 font whose encoding is a predefined CMap, all work without them.
 */
class LabelsAndManifestsWithoutFontResourcesTest {
    private static final Pattern FILTER = Pattern.compile("<artifact>org\\.apache\\.pdfbox:(?:fontbox|pdfbox)"
            + "</artifact>\\s*<excludes>(.*?)</excludes>", Pattern.DOTALL);
    private static final Pattern EXCLUDE = Pattern.compile("<exclude>([^<]+)</exclude>");

    @Test
    void labelsAndManifestsAreDrawnCheckedAndMergedWithoutTheFontResourcesTheJarLeavesOut() throws Exception {
        List<Pattern> hidden = excludedByTheJar();
        assertThat(hidden).isNotEmpty();
        try (HidingLoader loader = new HidingLoader(hidden)) {
            @SuppressWarnings("unchecked")
            Callable<List<String>> paths = (Callable<List<String>>) loader.loadClass(PdfPaths.class.getName())
                    .getDeclaredConstructor().newInstance();

            assertThat(paths.call()).containsExactly("shipper label: 1 page", "manifest: 1 page",
                    "carrier label in a CJK font: checked", "merged labels: 2 pages");
            // The hiding works: the CMap the Japanese label names is there on the class path, and not in the loader.
            assertThat(new CMapParser().parsePredefined("UniJIS-UCS2-H")).isNotNull();
            assertThatThrownBy(() -> loader.loadClass(CMapParser.class.getName()).getMethod("parsePredefined",
                    String.class).invoke(loader.loadClass(CMapParser.class.getName()).getConstructor().newInstance(),
                    "UniJIS-UCS2-H")).hasRootCauseInstanceOf(IOException.class);
        }
    }

    /** The resources functions/pom.xml's shade filters leave out of fontbox and pdfbox, as patterns. */
    private static List<Pattern> excludedByTheJar() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        List<Pattern> patterns = new ArrayList<>();
        Matcher filter = FILTER.matcher(pom);
        while (filter.find()) {
            Matcher exclude = EXCLUDE.matcher(filter.group(1));
            while (exclude.find()) {
                patterns.add(Pattern.compile(exclude.group(1).replace("**", "\u0000").replace("*", "[^/]*")
                        .replace("\u0000", ".*")));
            }
        }
        return patterns;
    }

    /** This test's class path, own classes first, without the resources the jar leaves out. */
    private static final class HidingLoader extends URLClassLoader {
        private final List<Pattern> hidden;

        HidingLoader(List<Pattern> hidden) throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
            this.hidden = hidden;
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }

        private boolean isHidden(String name) {
            return hidden.stream().anyMatch(pattern -> pattern.matcher(name).matches());
        }

        @Override
        public URL findResource(String name) {
            return isHidden(name) ? null : super.findResource(name);
        }

        @Override
        public Enumeration<URL> findResources(String name) throws IOException {
            return isHidden(name) ? Collections.emptyEnumeration() : super.findResources(name);
        }
    }

    /** The functions' PDF paths, run inside the hiding loader. */
    public static final class PdfPaths implements Callable<List<String>> {
        private static final Address SELLER = new Address("Shipbridge Demo Seller SL", "Almacén",
                "Polígono Industrial Norte, Nave 7", "46001", "Valencia", "ES", "+34 960 000 000", null);
        private static final Address BUYER = new Address("Lucía García", null, "Calle de Alcalá 42", "28014",
                "Madrid", "ES", "+34 600 000 000", null);

        @Override
        public List<String> call() throws IOException {
            List<String> done = new ArrayList<>();
            LocalDate day = LocalDate.of(2026, 11, 30);
            byte[] label = ShipperLabel.pdf(new ShipperLabel.Content("OnTime", "OT0012345678", SELLER, BUYER,
                    "SB000123-A", 2, new BigDecimal("0.850"), day));
            LabelCheck.verify("ontime", "OT0012345678", new Label(LabelFormat.PDF, label));
            done.add("shipper label: " + pages(label) + " page");

            byte[] manifest = OnTimeManifest.pdf(day, "C-1", "Shipbridge Demo Seller SL", List.of(
                    new ManifestLine.Numbered("OT0012345678", new ManifestLine("SB000123-A", day, "Lucía García",
                            null, "Calle de Alcalá 42", "28014", "Madrid", "ES", "+34 600 000 000", 2,
                            new BigDecimal("0.850")))));
            done.add("manifest: " + pages(manifest) + " page");

            byte[] japanese = japaneseLabel();
            LabelCheck.verify("tipsa", "T-1", new Label(LabelFormat.PDF, japanese));
            done.add("carrier label in a CJK font: checked");
            Label merged = LabelDocuments.combine("tipsa", LabelFormat.PDF, List.of(japanese, label));
            done.add("merged labels: " + pages(merged.content()) + " pages");
            return done;
        }

        private static int pages(byte[] pdf) throws IOException {
            try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                return document.getNumberOfPages();
            }
        }

        /** A carrier's label in a font that is not embedded, whose encoding is the predefined CMap UniJIS-UCS2-H. */
        private static byte[] japaneseLabel() throws IOException {
            try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                COSDictionary cidFont = new COSDictionary();
                cidFont.setItem(COSName.TYPE, COSName.FONT);
                cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
                cidFont.setName(COSName.BASE_FONT, "KozMinPr6N-Regular");
                COSDictionary systemInfo = new COSDictionary();
                systemInfo.setString(COSName.REGISTRY, "Adobe");
                systemInfo.setString(COSName.ORDERING, "Japan1");
                systemInfo.setInt(COSName.SUPPLEMENT, 6);
                cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
                COSDictionary font = new COSDictionary();
                font.setItem(COSName.TYPE, COSName.FONT);
                font.setItem(COSName.SUBTYPE, COSName.TYPE0);
                font.setName(COSName.BASE_FONT, "KozMinPr6N-Regular-UniJIS-UCS2-H");
                font.setName(COSName.ENCODING, "UniJIS-UCS2-H");
                COSArray descendants = new COSArray();
                descendants.add(cidFont);
                font.setItem(COSName.DESCENDANT_FONTS, descendants);
                PDPage page = new PDPage();
                PDResources resources = new PDResources();
                COSDictionary fonts = new COSDictionary();
                fonts.setItem(COSName.getPDFName("F1"), font);
                resources.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(resources);
                PDStream content = new PDStream(document);
                try (var stream = content.createOutputStream()) {
                    stream.write("BT /F1 24 Tf 72 700 Td <65E5672C> Tj ET".getBytes(StandardCharsets.US_ASCII));
                }
                page.setContents(content);
                document.addPage(page);
                document.save(out);
                return out.toByteArray();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
