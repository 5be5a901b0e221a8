package uk.civicpulse.survey.cors;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import uk.civicpulse.web.Problem;

import java.util.List;

/**
 * CORS for the resident-facing endpoints that browsers call from councils' own pages: posting ratings (single,
 * batch, later answers) and reading a council's capture settings.
 *
 * <p>A preflight cannot see the body, so it is answered for any origin that at least one council allows; the post
 * itself is then checked against its own council's allowlist ({@link OriginPolicy}) and refused with 403 if that
 * council has not allowed the origin. Responses carry CORS headers only for allowed origins and never on a refusal,
 * so a page elsewhere cannot read them. No credentials are involved: the widget uses no cookies.
 */
@Filter({"/api/v1/ratings", "/api/v1/ratings/**", "/api/v1/councils/**"})
public class CorsFilter implements HttpServerFilter {

    /** Set by a handler that refused a post for its origin, so no CORS header is added to the refusal. */
    public static final String REFUSED_ATTRIBUTE = "civic-pulse.origin-refused";
    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type, Accept, Accept-Language";
    static final String MAX_AGE_SECONDS = "600";

    private final OriginPolicy policy;

    public CorsFilter(OriginPolicy policy) {
        this.policy = policy;
    }

    @Override
    public int getOrder() {
        // Before security: a preflight carries no token and must not be answered 401.
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return chain.proceed(request);
        }
        boolean allowed = policy.isAllowedByAnyCouncil(origin);
        if (request.getMethod() == HttpMethod.OPTIONS && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            if (!allowed) {
                return Publishers.just(Problem.response(HttpStatus.FORBIDDEN,
                        "Pages at " + origin + " may not call this service; no council has allowed that origin.", List.of())
                        .header(HttpHeaders.VARY, HttpHeaders.ORIGIN));
            }
            MutableHttpResponse<?> preflight = HttpResponse.noContent()
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                    .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
            return Publishers.just(withOrigin(preflight, origin));
        }
        return Publishers.map(chain.proceed(request), response -> {
            response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            boolean refused = request.getAttribute(REFUSED_ATTRIBUTE).isPresent();
            return allowed && !refused ? withOrigin(response, origin) : response;
        });
    }

    private static MutableHttpResponse<?> withOrigin(MutableHttpResponse<?> response, String origin) {
        return response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }
}
