package uk.civicpulse.analytics.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every page's layout needs besides its own content: the language, the address of the same page in the other
 * language, and who is signed in. Controllers start their model here: {@code Pages.model(request, who)}.
 */
public final class Pages {

    private Pages() {
    }

    public static Map<String, Object> model(HttpRequest<?> request, Authentication who) {
        Map<String, Object> model = new HashMap<>();
        boolean welsh = LanguageLocaleResolver.welsh(request);
        model.put("lang", welsh ? "cy" : "en");
        model.put("otherLanguageHref", sameAddressIn(request, welsh ? "en" : "cy"));
        model.put("otherLanguageName", welsh ? "English" : "Cymraeg");
        model.put("otherLanguageCode", welsh ? "en" : "cy");
        // Links and form actions within a page carry the language on: href="/x" + langQuery, or "/x?a=b" + langParam.
        model.put("langQuery", welsh ? "?lang=cy" : "");
        model.put("langParam", welsh ? "&lang=cy" : "");
        model.put("signedIn", who != null);
        model.put("officerName", who == null ? null : who.getName());
        model.put("officerCouncil", who == null ? null : who.getAttributes().get("council"));
        // Every form that posts to a signed-in route ends its action with postQuery: the language and the CSRF token.
        String token = request.getAttribute(CsrfFilter.TOKEN_ATTRIBUTE, String.class).orElse(null);
        model.put("csrfToken", token);
        model.put("postQuery", token == null ? (welsh ? "?lang=cy" : "")
                : (welsh ? "?lang=cy&" : "?") + CsrfFilter.FIELD + "=" + encode(token));
        return model;
    }

    /** The request's own path and query with {@code lang} set to the given language (other parameters kept). */
    public static String sameAddressIn(HttpRequest<?> request, String language) {
        Map<String, List<String>> parameters = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!name.equals("lang") && !name.equals(CsrfFilter.FIELD)) {
                parameters.put(name, values);
            }
        });
        if (!language.equals("en")) {
            parameters.put("lang", List.of(language));
        }
        String query = parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return request.getPath() + (query.isEmpty() ? "" : "?" + query);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
