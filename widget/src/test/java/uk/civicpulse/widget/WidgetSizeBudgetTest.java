package uk.civicpulse.widget;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The widget's budget: the JavaScript and CSS a resident's browser downloads, as built (minified by Closure Compiler
 * into target/classes), gzipped, at most 5 KB. Runs in the build after the resources are minified, so the build fails
 * when the shipped files grow past the budget.
 */
class WidgetSizeBudgetTest {

    static final int BUDGET_BYTES = 5 * 1024;
    static final Path SHIPPED = Path.of("target/classes/META-INF/resources/widget/v1");

    @Test
    void theShippedScriptAndStylesFitInFiveKilobytesGzipped() throws IOException {
        byte[] js = Files.readAllBytes(SHIPPED.resolve("widget.js"));
        byte[] css = Files.readAllBytes(SHIPPED.resolve("widget.css"));
        int jsGz = gzipped(js);
        int cssGz = gzipped(css);
        String figures = String.format("widget.js %d bytes minified, %d gzipped; widget.css %d bytes, %d gzipped; total %d of %d bytes gzipped%n",
                js.length, jsGz, css.length, cssGz, jsGz + cssGz, BUDGET_BYTES);
        System.out.print(figures);
        Files.writeString(Path.of("target/widget-size.txt"), figures);
        assertTrue(jsGz + cssGz <= BUDGET_BYTES, "over budget: " + figures);
        // The minifier ran: the shipped script is smaller than its source.
        assertTrue(js.length < Files.size(Path.of("src/main/js/widget.js")), "widget.js was not minified");
    }

    /** Size after gzip at the default level, as a web server compresses on the fly. */
    static int gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }
}
