package uk.civicpulse.survey.widget;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
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
    private final boolean corsFilterAnswers;

    /**
     * @param corsFilterAnswers whether Micronaut's CORS filter is on: it then gives the CORS headers (adding ours too
     *                          would send two values, which browsers refuse); otherwise the files say "*" themselves
     */
    public WidgetController(WidgetAssets assets, @Value("${micronaut.server.cors.enabled:false}") boolean corsFilterAnswers) {
        this.assets = assets;
        this.corsFilterAnswers = corsFilterAnswers;
    }

    @Get("/integrity.json")
    public HttpResponse<Map<String, String>> integrity() {
        return readableAnywhere(HttpResponse.ok(assets.integrity()).header(HttpHeaders.CACHE_CONTROL, "no-cache"));
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
        return readableAnywhere(HttpResponse.ok(bytes)
                .contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .header("X-Content-Type-Options", "nosniff"));
    }

    private <T> MutableHttpResponse<T> readableAnywhere(MutableHttpResponse<T> response) {
        return corsFilterAnswers ? response : response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }
}
