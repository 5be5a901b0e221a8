package uk.civicpulse.survey.kiosk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.ScalePoint;
import uk.civicpulse.survey.form.Html;
import uk.civicpulse.survey.form.Words;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.survey.settings.CouncilSettings;
import uk.civicpulse.survey.settings.CouncilSettings.ServiceSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static uk.civicpulse.survey.form.Html.escape;

/**
 * The full-screen page for a reception tablet (channel face_to_face): the council's scale as large buttons, English
 * and Welsh side by side. /widget/v1/kiosk.js counts presses, queues them on the device and sends them in batches.
 */
@Controller("/kiosk/{council}/{touchpoint}")
public class KioskController {

    private static final String[] FACES = {"\uD83D\uDE41", "\uD83D\uDE10", "\uD83D\uDE42"};

    private final CaptureSettings settings;
    private final KioskSettings kiosk;

    public KioskController(CaptureSettings settings, KioskSettings kiosk) {
        this.settings = settings;
        this.kiosk = kiosk;
    }

    /**
     * @param service which of the council's services the kiosk rates; when not given, the service the council set
     *                for this kiosk touchpoint, else its first service
     */
    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> page(@PathVariable String council, @PathVariable String touchpoint,
                                     @Nullable @QueryValue String service, @Nullable @QueryValue String lang) {
        CouncilSettings c = settings.council(council)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no council with code '" + council + "'"));
        CouncilSettings.KioskTouchpoint configured = c.kioskTouchpoints().get(touchpoint);
        String wanted = service != null ? service : configured != null && configured.service() != null ? configured.service() : null;
        ServiceSettings s = (wanted == null ? c.services().values().stream().findFirst() : c.service(wanted))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "council '" + council + "' has no service '" + wanted + "'"));
        if (touchpoint.length() > RatingSubmitted.MAX_TOUCHPOINT_LENGTH) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "touchpoint must be at most " + RatingSubmitted.MAX_TOUCHPOINT_LENGTH + " characters");
        }
        String first = Words.language(lang);
        String second = first.equals("cy") ? "en" : "cy";
        String en = s.name();
        String cy = s.nameWelsh() == null ? s.name() : s.nameWelsh();
        Scale scale = Scale.fromCode(s.scale()).orElseThrow();
        List<ScalePoint> best = new ArrayList<>(scale.points());
        Collections.reverse(best);

        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(first).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(Words.of(first, "q", first.equals("cy") ? cy : en))).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/widget/v1/kiosk.css\">\n</head>\n<body>\n")
                .append("<main id=\"kiosk\" data-council=\"").append(escape(c.code())).append("\" data-service=\"").append(escape(s.code()))
                .append("\" data-touchpoint=\"").append(escape(touchpoint)).append("\" data-scale=\"").append(escape(s.scale()))
                .append("\" data-interval-seconds=\"").append(configured != null && configured.kiosk() != null
                        ? configured.kiosk().minimumIntervalSeconds() : kiosk.minimumInterval().toMillis() / 1000.0)
                .append("\" data-thanks-seconds=\"").append(kiosk.thanks().toMillis() / 1000.0).append("\">\n")
                .append("<section class=\"start\"><h1>").append(both(first, second, "q", en, cy)).append("</h1>\n<div class=\"scale\">");
        for (ScalePoint p : best) {
            h.append("<button type=\"button\" class=\"s").append(p.score()).append("\" data-score=\"").append(p.score()).append("\">")
                    .append(scale.size() == 3 ? "<span class=\"f\" aria-hidden=\"true\">" + FACES[p.score() - 1] + "</span>" : "")
                    .append(span(first, first.equals("cy") ? p.welsh() : p.english())).append(span(second, second.equals("cy") ? p.welsh() : p.english()))
                    .append("</button>");
        }
        h.append("</div></section>\n<section class=\"thanks\" hidden><h1 tabindex=\"-1\">").append(both(first, second, "kioskThanks"))
                .append("</h1></section>\n<p class=\"waiting\" hidden><b>0</b> ").append(both(first, second, "kioskWaiting")).append("</p>\n")
                .append("<noscript><p>").append(both(first, second, "noscript")).append("</p></noscript>\n</main>\n")
                .append("<script src=\"/widget/v1/kiosk.js\" defer></script>\n</body>\n</html>\n");
        return HttpResponse.ok(h.toString()).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", Html.PAGE_POLICY)
                .header("Cache-Control", "no-store");
    }

    private static String both(String first, String second, String key, Object... args) {
        Object[] firstArgs = args.length == 0 ? args : new Object[]{first.equals("cy") ? args[1] : args[0]};
        Object[] secondArgs = args.length == 0 ? args : new Object[]{second.equals("cy") ? args[1] : args[0]};
        return span(first, Words.of(first, key, firstArgs)) + " " + span(second, Words.of(second, key, secondArgs));
    }

    private static String span(String lang, String text) {
        return "<span lang=\"" + lang + "\">" + escape(text) + "</span>";
    }
}
