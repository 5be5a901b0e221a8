package uk.civicpulse.survey.widget;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The widget's files from the civic-pulse-widget jar (META-INF/resources/widget/v1/), read once, with the
 * Subresource Integrity hash (sha384) of each script and stylesheet, which a council puts in its script tag.
 */
@Singleton
public class WidgetAssets {

    public static final String VERSION = "v1";
    /** The files a host page or the kiosk loads; each immutable under its versioned URL. */
    static final Map<String, String> STATIC = Map.of(
            "widget.js", "text/javascript;charset=utf-8",
            "widget.css", "text/css;charset=utf-8",
            "kiosk.js", "text/javascript;charset=utf-8",
            "kiosk.css", "text/css;charset=utf-8",
            "page.css", "text/css;charset=utf-8");

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> integrity = new LinkedHashMap<>();

    public WidgetAssets() {
        for (String name : STATIC.keySet().stream().sorted().toList()) {
            byte[] bytes = read(name);
            files.put(name, bytes);
            integrity.put(name, sha384(bytes));
        }
        files.put("demo.html", read("demo.html"));
    }

    public Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** File name to its SRI value, e.g. {@code widget.js -> sha384-...}. */
    public Map<String, String> integrity() {
        return integrity;
    }

    /**
     * The demo page: a host page embedding the widget from the given survey-service origin, with the integrity hashes
     * filled in. Shared by humans (at /widget/v1/demo.html) and the browser tests (served from another origin).
     */
    public String demoPage(String surveyOrigin) {
        return new String(files.get("demo.html"), StandardCharsets.UTF_8)
                .replace("${SURVEY_ORIGIN}", surveyOrigin)
                .replace("${WIDGET_JS_INTEGRITY}", integrity.get("widget.js"));
    }

    private static byte[] read(String name) {
        String path = "META-INF/resources/widget/" + VERSION + "/" + name;
        try (InputStream in = WidgetAssets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the widget jar has no " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha384(byte[] bytes) {
        try {
            return "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
