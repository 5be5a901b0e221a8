package uk.civicpulse.analytics.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import uk.civicpulse.web.Problem;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Stops another site making a signed-in officer's browser post a form. Every POST, PUT, PATCH or DELETE sent without an
 * Authorization header (that is, by a browser) must come from this site: a {@code Sec-Fetch-Site} other than
 * same-origin, or an {@code Origin} naming another host, is refused with 403. When the sign-in cookie is sent, the
 * request must also carry the officer's token ({@link CsrfTokens}) in a {@code csrfToken} field of a URL-encoded form or an
 * {@code X-CSRF-Token} header. Signing in is exempt from the token (there is no cookie yet) but not from the origin
 * check. Every request with the cookie gets the token as a request attribute, which {@link Pages#model} hands to forms.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfFilter implements Ordered {

    public static final String TOKEN_ATTRIBUTE = "civic-pulse.csrfToken";
    static final String FIELD = "csrfToken";
    static final String HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final String SIGN_IN = "/dashboard/sign-in";

    private final CsrfTokens tokens;

    CsrfFilter(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    public CompletableFuture<@Nullable MutableHttpResponse<?>> check(HttpRequest<?> request) {
        Optional<String> cookie = request.getCookies().findCookie(SignInController.COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
        cookie.ifPresent(c -> request.setAttribute(TOKEN_ATTRIBUTE, tokens.tokenFor(c)));
        if (!UNSAFE.contains(request.getMethod()) || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return proceed();
        }
        if (!sameOrigin(request)) {
            return refuse("this form may be sent only from this site");
        }
        if (cookie.isEmpty() || request.getPath().equals(SIGN_IN)) {
            return proceed();
        }
        // The token comes in a header (scripts) or in the form's action address (Pages.model's postQuery): never read
        // from the body, because reading a form body in a filter gave intermittent 503s (Micronaut 4).
        String token = Optional.ofNullable(request.getHeaders().get(HEADER)).orElse(request.getParameters().get(FIELD));
        if (token == null) {
            return refuse("the form's security token is missing");
        }
        return tokens.matches(cookie.get(), token) ? proceed() : refuse("the form's security token is not right");
    }

    /** Fetch metadata first (every current browser sends it); else the Origin header against the Host the request came to. */
    static boolean sameOrigin(HttpRequest<?> request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = Optional.ofNullable(request.getHeaders().get("X-Forwarded-Host")).orElse(request.getHeaders().get(HttpHeaders.HOST));
        try {
            String authority = URI.create(origin).getAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host.split(",")[0].trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A filter result of null lets the request go on. */
    private static CompletableFuture<@Nullable MutableHttpResponse<?>> proceed() {
        return CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<@Nullable MutableHttpResponse<?>> refuse(String detail) {
        return CompletableFuture.completedFuture(forbidden(detail));
    }

    private static MutableHttpResponse<?> forbidden(String detail) {
        return Problem.response(HttpStatus.FORBIDDEN, detail, List.of());
    }

    @Override
    public int getOrder() {
        // Before the security filter: a forged request is refused whoever it claims to be.
        return ServerFilterPhase.SECURITY.before();
    }
}
