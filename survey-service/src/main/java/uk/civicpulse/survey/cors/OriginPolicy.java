package uk.civicpulse.survey.cors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.survey.settings.CouncilSettings;

import java.net.URI;
import java.util.Optional;

/**
 * Whose pages may post a council's ratings from a browser. A request without an Origin header (a kiosk page or
 * form served by survey-service itself in an older browser, a server, the telephony platform) is not a cross-site
 * browser post and is let through; so is a post from survey-service's own origin (its kiosk page and no-JS form).
 * Any other origin must be on the council's allowlist.
 */
@Singleton
public class OriginPolicy {

    private final CaptureSettings settings;

    public OriginPolicy(CaptureSettings settings) {
        this.settings = settings;
    }

    /**
     * @return empty when the post may go on; otherwise why it is refused (answer 403)
     */
    public Optional<String> refusal(HttpRequest<?> request, @Nullable String council) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || isSameOrigin(origin, request.getHeaders().get(HttpHeaders.HOST))) {
            return Optional.empty();
        }
        Optional<CouncilSettings> settingsOfCouncil = settings.council(council);
        if (settingsOfCouncil.isEmpty()) {
            // No such council: the rating's own validation answers 422 for it; nothing is produced either way.
            return Optional.empty();
        }
        if (settingsOfCouncil.get().allowsOrigin(origin)) {
            return Optional.empty();
        }
        return Optional.of("Pages at " + origin + " may not send ratings for council '" + council
                + "'. The council can add the origin to its allowed origins.");
    }

    /** True when some council allows this origin: enough to answer a preflight, which cannot see the body. */
    public boolean isAllowedByAnyCouncil(String origin) {
        return settings.isAllowedByAnyCouncil(origin);
    }

    /** True when the origin names the same host and port the request was sent to: survey-service's own pages. */
    static boolean isSameOrigin(String origin, @Nullable String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getPath() != null && !uri.getPath().isEmpty()) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String authority = uri.getHost().toLowerCase() + ":" + (uri.getPort() == -1 ? defaultPort : uri.getPort());
            String hostWithPort = host.toLowerCase().contains(":") && !host.endsWith("]") ? host.toLowerCase() : host.toLowerCase() + ":" + defaultPort;
            return authority.equals(hostWithPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
