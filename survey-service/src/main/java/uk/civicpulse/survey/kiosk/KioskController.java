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
import java.util.function.Function;

import static uk.civicpulse.survey.form.Html.escape;

/**
 * The full-screen page for a reception tablet (channel face_to_face): the council's scale as large buttons, English
 * and Welsh side by side (the council's languages and wording), then the service's "why?" reasons. /widget/v1/kiosk.js
 * counts presses, queues ratings and their reasons on the device and sends them when survey-service answers.
 */
@Controller("/kiosk/{council}/{touchpoint}")
public class KioskController {

    /** When the council has no kiosk settings: back to the start after this long untouched. */
    static final int DEFAULT_IDLE_SECONDS = 30;

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
        List<Words> shown = new ArrayList<>();
        String first = Words.language(lang, c);
        shown.add(Words.of(c, first));
        // The council's other language, as large as the first: a kiosk cannot wait for a resident to find a switch.
        Words.offered(c).stream().filter(l -> !l.equals(first)).forEach(l -> shown.add(Words.of(c, l)));
        Scale scale = Scale.fromCode(s.scale()).orElseThrow();
        List<ScalePoint> best = new ArrayList<>(scale.points());
        Collections.reverse(best);
        CouncilSettings.Kiosk behaviour = configured != null && configured.kiosk() != null ? configured.kiosk() : c.kiosk();

        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(first).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(shown.get(0).get("q", shown.get(0).localised(s.name(), s.nameWelsh())))).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/widget/v1/kiosk.css\">\n</head>\n<body>\n")
                .append("<main id=\"kiosk\" data-council=\"").append(escape(c.code())).append("\" data-service=\"").append(escape(s.code()))
                .append("\" data-touchpoint=\"").append(escape(touchpoint)).append("\" data-scale=\"").append(escape(s.scale()))
                .append("\" data-interval-seconds=\"").append(configured != null && configured.kiosk() != null
                        ? configured.kiosk().minimumIntervalSeconds() : kiosk.minimumInterval().toMillis() / 1000.0)
                .append("\" data-thanks-seconds=\"").append(kiosk.thanks().toMillis() / 1000.0)
                .append("\" data-idle-seconds=\"").append(behaviour == null ? DEFAULT_IDLE_SECONDS : behaviour.idleSeconds()).append("\">\n")
                .append("<section class=\"start\"><h1>").append(all(shown, w -> w.get("q", w.localised(s.name(), s.nameWelsh()))))
                .append("</h1>\n<div class=\"scale\">");
        for (ScalePoint p : best) {
            h.append("<button type=\"button\" class=\"s").append(p.score()).append("\" data-score=\"").append(p.score()).append("\">")
                    .append(scale.size() == 3 ? "<span class=\"f\" aria-hidden=\"true\">" + FACES[p.score() - 1] + "</span>" : "")
                    .append(all(shown, w -> w.scalePoint(scale, p)))
                    .append("</button>");
        }
        h.append("</div></section>\n");
        if (!s.reasons().isEmpty()) {
            // After a counted press: the service's "why?" reasons, several may be chosen, all skippable.
            h.append("<section class=\"reasons\" hidden><h1 id=\"reasons-title\" tabindex=\"-1\">")
                    .append(all(shown, w -> w.get("why") + " " + w.get("opt"))).append("</h1>\n<p class=\"h\">")
                    .append(all(shown, w -> w.get("whyHint"))).append("</p>\n<div class=\"choices\" role=\"group\" aria-labelledby=\"reasons-title\">");
            for (CouncilSettings.Label r : s.reasons()) {
                h.append("<button type=\"button\" aria-pressed=\"false\" data-reason=\"").append(escape(r.code())).append("\">")
                        .append(all(shown, w -> w.localised(r.english(), r.welsh()))).append("</button>");
            }
            h.append("</div>\n<div class=\"steps\"><button type=\"button\" class=\"p\" data-step=\"next\">").append(all(shown, w -> w.get("next")))
                    .append("</button><button type=\"button\" data-step=\"skip\">").append(all(shown, w -> w.get("skip")))
                    .append("</button></div></section>\n");
        }
        h.append("<section class=\"thanks\" hidden><h1 tabindex=\"-1\">").append(all(shown, w -> w.get("kioskThanks")))
                .append("</h1></section>\n<p class=\"waiting\" hidden><b>0</b> ").append(all(shown, w -> w.get("kioskWaiting"))).append("</p>\n")
                .append("<noscript><p>").append(all(shown, w -> w.get("noscript"))).append("</p></noscript>\n</main>\n")
                .append("<script src=\"/widget/v1/kiosk.js\" defer></script>\n</body>\n</html>\n");
        return HttpResponse.ok(h.toString()).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", Html.PAGE_POLICY)
                .header("Cache-Control", "no-store");
    }

    /** The text in each language shown, the first first, each marked with its language. */
    private static String all(List<Words> shown, Function<Words, String> text) {
        StringBuilder out = new StringBuilder();
        for (Words w : shown) {
            out.append(out.isEmpty() ? "" : " ").append(span(w.lang(), text.apply(w)));
        }
        return out.toString();
    }

    private static String span(String lang, String text) {
        return "<span lang=\"" + lang + "\">" + escape(text) + "</span>";
    }
}
