package uk.civicpulse.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Arrays;
import java.util.List;

/**
 * The response headers a council's security team checks, on every response of a service that turns it on
 * ({@code civic-pulse.security-headers.enabled: true}), errors included. A header a controller has already set (a
 * page's own stricter policy, the widget files' caching) is left as it is.
 * <ul>
 * <li>Content-Security-Policy: the service's policy (no inline script; {@code frame-ancestors 'none'}).</li>
 * <li>X-Content-Type-Options nosniff, Referrer-Policy same-origin, Permissions-Policy denying camera, microphone,
 * location, payment and USB, Cross-Origin-Opener-Policy same-origin, X-Frame-Options DENY for older browsers.</li>
 * <li>Cross-Origin-Resource-Policy same-origin, except under the embeddable paths (the widget's JS and CSS, which
 * councils' own pages load): cross-origin there, and no frame or opener restriction.</li>
 * <li>Strict-Transport-Security when configured (only where the service is reached over HTTPS).</li>
 * <li>Cache-Control no-store under the private paths (signed-in pages and API), unless the response set its own.</li>
 * </ul>
 */
@Requires(property = "civic-pulse.security-headers.enabled", value = "true")
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String policy;
    private final boolean hsts;
    private final List<String> embeddablePaths;
    private final List<String> privatePaths;

    public SecurityHeadersFilter(@Value("${civic-pulse.security-headers.content-security-policy}") String policy,
                                 @Value("${civic-pulse.security-headers.hsts:false}") boolean hsts,
                                 @Nullable @Value("${civic-pulse.security-headers.embeddable-paths:}") String embeddablePaths,
                                 @Nullable @Value("${civic-pulse.security-headers.private-paths:}") String privatePaths) {
        this.policy = policy;
        this.hsts = hsts;
        this.embeddablePaths = prefixes(embeddablePaths);
        this.privatePaths = prefixes(privatePaths);
    }

    /** Comma-separated path prefixes ("/api/,/dashboard"). */
    private static List<String> prefixes(@Nullable String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        boolean embeddable = embeddablePaths.stream().anyMatch(path::startsWith);
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "Referrer-Policy", "same-origin");
        setIfAbsent(response, "Permissions-Policy", PERMISSIONS);
        setIfAbsent(response, "Cross-Origin-Resource-Policy", embeddable ? "cross-origin" : "same-origin");
        if (!embeddable) {
            setIfAbsent(response, "Content-Security-Policy", policy);
            setIfAbsent(response, "X-Frame-Options", "DENY");
            setIfAbsent(response, "Cross-Origin-Opener-Policy", "same-origin");
        }
        if (hsts) {
            setIfAbsent(response, "Strict-Transport-Security", HSTS);
        }
        if (privatePaths.stream().anyMatch(path::startsWith)) {
            setIfAbsent(response, HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /** First in, last out: the headers go on every response, including those the security filter answers itself (401). */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    private static void setIfAbsent(MutableHttpResponse<?> response, String name, String value) {
        if (!response.getHeaders().contains(name)) {
            response.header(name, value);
        }
    }
}
