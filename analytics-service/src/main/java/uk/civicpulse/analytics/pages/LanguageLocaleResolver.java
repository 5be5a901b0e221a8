package uk.civicpulse.analytics.pages;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * Pages are in English unless the address asks for Welsh ({@code ?lang=cy}). The language is chosen by the link the
 * reader follows, never guessed from the browser, so a shared address shows everyone the same page.
 */
@Singleton
public class LanguageLocaleResolver implements HttpLocaleResolver {

    public static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
    public static final Locale WELSH = Locale.forLanguageTag("cy-GB");

    @Override
    public @NonNull Optional<Locale> resolve(@NonNull HttpRequest<?> request) {
        return Optional.of(language(request));
    }

    @Override
    public @NonNull Locale resolveOrDefault(@NonNull HttpRequest<?> request) {
        return language(request);
    }

    public static Locale language(HttpRequest<?> request) {
        return "cy".equals(request.getParameters().get("lang")) ? WELSH : ENGLISH;
    }

    public static boolean welsh(HttpRequest<?> request) {
        return language(request) == WELSH;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
