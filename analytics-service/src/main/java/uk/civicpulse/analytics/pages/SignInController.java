package uk.civicpulse.analytics.pages;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Officers sign in to the dashboard with a form; the signed token is kept in an HttpOnly, SameSite=Strict cookie that
 * the API's cookie token reader accepts, so pages and the API share one way of checking who is asking.
 */
@Hidden
@Controller(value = "/dashboard", produces = MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInController {

    static final String COOKIE = "JWT";

    private final Authenticator<HttpRequest<?>> authenticator;
    private final AccessRefreshTokenGenerator tokens;
    private final Duration lifetime;
    private final boolean secureCookie;

    SignInController(Authenticator<HttpRequest<?>> authenticator, AccessRefreshTokenGenerator tokens,
                     @Value("${micronaut.security.token.jwt.generator.access-token.expiration:28800}") long lifetimeSeconds,
                     @Value("${civic-pulse.pages.secure-cookie:false}") boolean secureCookie) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.lifetime = Duration.ofSeconds(lifetimeSeconds);
        this.secureCookie = secureCookie;
    }

    @Get("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public ModelAndView<Map<String, Object>> signInPage(HttpRequest<?> request, @Nullable @QueryValue String next) {
        Map<String, Object> model = Pages.model(request, null);
        model.put("next", safeNext(next));
        return new ModelAndView<>("pages/sign-in", model);
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        AuthenticationResponse response = form.username() == null || form.password() == null
                ? AuthenticationResponse.failure()
                : Blocking.first(authenticator.authenticate(request,
                        new UsernamePasswordCredentials(form.username().trim(), form.password())));
        if (response == null || !response.isAuthenticated() || response.getAuthentication().isEmpty()) {
            Map<String, Object> model = Pages.model(request, null);
            model.put("next", safeNext(form.next()));
            model.put("failed", true);
            model.put("username", form.username());
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("pages/sign-in", model));
        }
        String token = tokens.generate(response.getAuthentication().get()).orElseThrow().getAccessToken();
        Cookie cookie = Cookie.of(COOKIE, token).httpOnly(true).path("/").sameSite(SameSite.Strict)
                .maxAge(lifetime).secure(secureCookie);
        return HttpResponse.seeOther(URI.create(inLanguage(request, safeNext(form.next())))).cookie(cookie);
    }

    @Post("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> signOut(HttpRequest<?> request) {
        Cookie expired = Cookie.of(COOKIE, "").httpOnly(true).path("/").sameSite(SameSite.Strict).maxAge(0).secure(secureCookie);
        return HttpResponse.seeOther(URI.create(inLanguage(request, "/dashboard/sign-in"))).cookie(expired);
    }

    private static String inLanguage(HttpRequest<?> request, String address) {
        if (!LanguageLocaleResolver.welsh(request) || address.contains("lang=")) {
            return address;
        }
        return address + (address.contains("?") ? "&" : "?") + "lang=cy";
    }

    /** Only a dashboard address may follow sign-in, so the form cannot be used to send an officer elsewhere. */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/dashboard") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return "/dashboard";
        }
        return next;
    }

    @Serdeable
    public record SignInForm(@Nullable String username, @Nullable String password, @Nullable String next) {
    }
}
