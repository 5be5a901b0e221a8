package uk.civicpulse.analytics.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the dashboard's sign-in cookie. Micronaut's own cookie reader exists only in cookie authentication mode, which
 * would turn {@code /login} into a redirecting form handler; the API keeps bearer mode and pages use this reader.
 * The Authorization header, when present, is read first (the bearer reader has the higher priority).
 */
@Singleton
class SignInCookieReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(SignInController.COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
