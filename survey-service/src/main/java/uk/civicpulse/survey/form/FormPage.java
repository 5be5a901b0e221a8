package uk.civicpulse.survey.form;

import uk.civicpulse.events.CustomerGroups;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.ScalePoint;
import uk.civicpulse.survey.settings.CouncilSettings;
import uk.civicpulse.survey.settings.CouncilSettings.CustomerGroupQuestion;
import uk.civicpulse.survey.settings.CouncilSettings.Label;
import uk.civicpulse.survey.settings.CouncilSettings.ServiceSettings;

import java.util.List;
import java.util.Map;

import static uk.civicpulse.survey.form.Html.escape;
import static uk.civicpulse.survey.form.Html.url;

/**
 * The rating form as one server-rendered page, for residents without JavaScript (or whose browser failed to run it):
 * the scale, then every skippable question on the same page, each group in a fieldset with a legend, and the GOV.UK
 * error summary above the form when something needs fixing.
 */
final class FormPage {

    private static final String[] FACES = {"\uD83D\uDE41", "\uD83D\uDE10", "\uD83D\uDE42"};

    private FormPage() {
    }

    /**
     * @param answers what the resident sent (form field name to values), to fill the form again
     * @param errors  form field id to message, in the order shown; empty on first view
     */
    static String form(Words w, CouncilSettings council, ServiceSettings service, String id, String touchpoint,
                       Map<String, List<String>> answers, Map<String, String> errors) {
        String lang = w.lang();
        String serviceName = w.localised(service.name(), service.nameWelsh());
        StringBuilder h = new StringBuilder(Html.head(lang, (errors.isEmpty() ? "" : w.get("error") + " ")
                + w.get("q", serviceName) + " - " + w.localised(council.name(), council.nameWelsh())));
        h.append("<body>\n<main>\n");
        String base = "/form/" + url(council.code()) + "/" + url(service.code()) + "?touchpoint=" + url(touchpoint) + "&lang=";
        List<String> offered = Words.offered(council);
        if (offered.size() > 1) {
            // Only the council's languages, in its order.
            h.append("<nav class=\"l\" aria-label=\"").append(escape(w.get("lang"))).append("\">");
            offered.forEach(l -> h.append(languageLink(base, l, l.equals("cy") ? "Cymraeg" : "English", lang)));
            h.append("</nav>\n");
        }
        if (!errors.isEmpty()) {
            h.append("<div class=\"es\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"es-title\"><h2 id=\"es-title\">")
                    .append(escape(w.get("problem"))).append("</h2><ul>");
            // A key starting with "_" is about the whole form (the broker was away): no field to link to.
            errors.forEach((field, message) -> h.append(field.startsWith("_") ? "<li>" + escape(message) + "</li>"
                    : "<li><a href=\"#" + escape(field) + "\">" + escape(message) + "</a></li>"));
            h.append("</ul></div>\n");
        }
        h.append("<form class=\"w\" method=\"post\" action=\"/form/").append(escape(url(council.code()))).append('/').append(escape(url(service.code())))
                .append("\" novalidate>\n");
        hidden(h, "id", id);
        hidden(h, "touchpoint", touchpoint);
        hidden(h, "lang", lang);

        Scale scale = Scale.fromCode(service.scale()).orElseThrow();
        List<ScalePoint> best = new java.util.ArrayList<>(scale.points());
        java.util.Collections.reverse(best);
        String scoreId = "score-" + scale.size();
        group(h, w, null, "<h1>" + escape(w.get("q", serviceName)) + "</h1>", null, errors.get(scoreId), "o", () -> {
            StringBuilder g = new StringBuilder();
            for (ScalePoint p : best) {
                String face = scale.size() == 3 ? "<span class=\"f\" aria-hidden=\"true\">" + FACES[p.score() - 1] + "</span> " : "";
                g.append(choice("radio", "score", "score-" + p.score(), String.valueOf(p.score()),
                        face + escape(w.scalePoint(scale, p)), answers));
            }
            return g.toString();
        });
        if (!service.reasons().isEmpty()) {
            group(h, w, "reasons", escape(w.get("why") + " " + w.get("opt")), w.get("whyHint"), errors.get("reasons"), null, () -> {
                StringBuilder g = new StringBuilder();
                for (int i = 0; i < service.reasons().size(); i++) {
                    Label r = service.reasons().get(i);
                    g.append(choice("checkbox", "reasons", i == 0 ? "reasons" : "reasons-" + i, r.code(), escape(w.localised(r.english(), r.welsh())), answers));
                }
                return g.toString();
            });
        }
        String comment = answers.getOrDefault("comment", List.of("")).get(0);
        String commentError = errors.get("comment");
        h.append("<div").append(commentError == null ? "" : " class=\"fe\"").append("><h2><label for=\"comment\">")
                .append(escape(w.get("com") + " " + w.get("opt"))).append("</label></h2>\n<p class=\"h\" id=\"comment-hint\">").append(escape(w.get("comHint"))).append("</p>");
        errorMessage(h, w, "comment", commentError);
        h.append("<textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"1000\" aria-describedby=\"comment-hint")
                .append(commentError == null ? "" : " comment-error").append("\">").append(escape(comment)).append("</textarea></div>\n");

        h.append("<h2>").append(escape(w.get("ka") + " " + w.get("opt"))).append("</h2><p class=\"h\">").append(escape(w.get("kaHint"))).append("</p>\n");
        for (KeyArea area : KeyArea.values()) {
            String name = "k-" + area.code();
            group(h, w, name, escape(w.get(area.code())), null, errors.get(name), "k", () -> {
                StringBuilder g = new StringBuilder();
                for (int v = KeyArea.LOWEST; v <= KeyArea.HIGHEST; v++) {
                    g.append(choice("radio", name, v == KeyArea.LOWEST ? name : name + "-" + v, String.valueOf(v), String.valueOf(v), answers));
                }
                return g.toString();
            });
        }
        if (!council.customerGroupQuestions().isEmpty()) {
            h.append("<h2>").append(escape(w.get("cg") + " " + w.get("opt"))).append("</h2><p class=\"h\">").append(escape(w.get("cgHint"))).append("</p>\n");
            for (CustomerGroupQuestion q : council.customerGroupQuestions().values()) {
                String name = "g-" + q.code();
                group(h, w, name, escape(w.localised(q.label(), q.labelWelsh())), null, errors.get(name), null, () -> {
                    StringBuilder g = new StringBuilder();
                    List<Label> all = new java.util.ArrayList<>(q.answers());
                    all.add(new Label(CustomerGroups.PREFER_NOT_TO_SAY, w.get("pnts"), w.get("pnts")));
                    for (int i = 0; i < all.size(); i++) {
                        g.append(choice("radio", name, i == 0 ? name : name + "-" + i, all.get(i).code(), escape(w.localised(all.get(i).english(), all.get(i).welsh())), answers));
                    }
                    return g.toString();
                });
            }
        }
        h.append("<div class=\"n\"><button class=\"p\" type=\"submit\">").append(escape(w.get("send"))).append("</button></div>\n");
        h.append("</form>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    static String thanks(Words w, CouncilSettings council) {
        return Html.head(w.lang(), w.get("done")) + "<body>\n<main>\n<div class=\"w\"><h1>" + escape(w.get("done")) + "</h1>\n<p>"
                + escape(w.get("doneBody", w.localised(council.name(), council.nameWelsh()))) + "</p></div>\n</main>\n</body>\n</html>\n";
    }

    private static String languageLink(String base, String lang, String name, String current) {
        return "<a href=\"" + escape(base + lang) + "\" lang=\"" + lang + "\" hreflang=\"" + lang + "\""
                + (lang.equals(current) ? " aria-current=\"page\"" : "") + ">" + name + "</a>";
    }

    private static void hidden(StringBuilder h, String name, String value) {
        h.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value)).append("\">\n");
    }

    private static void group(StringBuilder h, Words w, String errorKey, String legend, String hint, String error, String cssClass,
                              java.util.function.Supplier<String> choices) {
        String key = errorKey == null ? "score" : errorKey;
        StringBuilder describedBy = new StringBuilder();
        if (hint != null) {
            describedBy.append(key).append("-hint");
        }
        if (error != null) {
            describedBy.append(describedBy.isEmpty() ? "" : " ").append(key).append("-error");
        }
        h.append("<div").append(error == null ? "" : " class=\"fe\"").append("><fieldset")
                .append(cssClass == null ? "" : " class=\"" + cssClass + "\"")
                .append(describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy + "\"").append("><legend>").append(legend).append("</legend>\n");
        if (hint != null) {
            h.append("<p class=\"h\" id=\"").append(key).append("-hint\">").append(escape(hint)).append("</p>\n");
        }
        if (error != null) {
            h.append("<p class=\"em\" id=\"").append(key).append("-error\"><span class=\"vh\">").append(escape(w.get("error"))).append(" </span>").append(escape(error)).append("</p>\n");
        }
        h.append(choices.get()).append("</fieldset></div>\n");
    }

    private static void errorMessage(StringBuilder h, Words w, String key, String error) {
        if (error != null) {
            h.append("<p class=\"em\" id=\"").append(key).append("-error\"><span class=\"vh\">").append(escape(w.get("error")))
                    .append(" </span>").append(escape(error)).append("</p>");
        }
    }

    private static String choice(String type, String name, String id, String value, String labelHtml, Map<String, List<String>> answers) {
        boolean checked = answers.getOrDefault(name, List.of()).contains(value);
        return "<div class=\"c\"><input type=\"" + type + "\" id=\"" + escape(id) + "\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\""
                + (checked ? " checked" : "") + "><label for=\"" + escape(id) + "\">" + labelHtml + "</label></div>\n";
    }
}
