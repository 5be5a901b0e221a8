package uk.civicpulse.survey.widget;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;

import java.util.Map;

/**
 * Serves the widget at versioned URLs: scripts and styles cached for a year as immutable (a change ships as v2),
 * readable from any origin (Subresource Integrity makes the browser fetch them with CORS); the SRI hashes at
 * /widget/v1/integrity.json; and the demo host page.
 */
@Controller("/widget/" + WidgetAssets.VERSION)
public class WidgetController {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The demo page is a host page with a strict policy: nothing inline, scripts and styles from this origin only. */
    static final String DEMO_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final WidgetAssets assets;

    public WidgetController(WidgetAssets assets) {
        this.assets = assets;
    }

    @Get("/integrity.json")
    public HttpResponse<Map<String, String>> integrity() {
        return HttpResponse.ok(assets.integrity())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    @Get(value = "/demo.html", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> demo(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return HttpResponse.ok(assets.demoPage("http://" + host))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("Content-Security-Policy", DEMO_POLICY);
    }

    @Get("/{file}")
    public HttpResponse<byte[]> file(@PathVariable String file) {
        String type = WidgetAssets.STATIC.get(file);
        byte[] bytes = type == null ? null : assets.file(file).orElse(null);
        if (bytes == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no widget file '" + file + "'");
        }
        return HttpResponse.ok(bytes)
                .contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header("X-Content-Type-Options", "nosniff");
    }
}
