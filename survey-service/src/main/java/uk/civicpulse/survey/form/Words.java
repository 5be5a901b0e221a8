package uk.civicpulse.survey.form;

import uk.civicpulse.events.Scale;
import uk.civicpulse.events.ScalePoint;
import uk.civicpulse.survey.settings.CouncilSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words of survey-service's own pages (the form and the kiosk) in one language: the council's own wording where it
 * gave one in its capture settings ({@code strings}), else ours. The keys are the widget's (docs/widget.md), so one
 * override changes the widget, the form and the kiosk alike; {@code {s}} and {@code {n}} are filled in.
 * A scale point's label can be overridden too, under {@code <scale>.<score>}, e.g. {@code faces-3.3}.
 */
public final class Words {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("q", new String[]{"How was your experience of {s}?", "Sut oedd eich profiad o {s}?"}),
            Map.entry("why", new String[]{"What made it so?", "Beth oedd y rheswm?"}),
            Map.entry("whyHint", new String[]{"Choose any that apply", "Dewiswch unrhyw rai sy'n berthnasol"}),
            Map.entry("com", new String[]{"Is there anything else you want to tell us?", "A oes unrhyw beth arall yr hoffech ei ddweud wrthym?"}),
            Map.entry("comHint", new String[]{"Up to 1,000 characters", "Hyd at 1,000 nod"}),
            Map.entry("ka", new String[]{"How would you rate us on each of these?", "Sut fyddech chi'n ein sgorio ar bob un o'r rhain?"}),
            Map.entry("kaHint", new String[]{"From 1 (very poor) to 5 (very good)", "O 1 (gwael iawn) i 5 (da iawn)"}),
            Map.entry("delivery", new String[]{"Delivering what you needed", "Darparu'r hyn oedd ei angen arnoch"}),
            Map.entry("timeliness", new String[]{"Time taken", "Yr amser a gymerwyd"}),
            Map.entry("information", new String[]{"Information given", "Y wybodaeth a roddwyd"}),
            Map.entry("access", new String[]{"Ease of access", "Pa mor hawdd oedd cael mynediad"}),
            Map.entry("staff", new String[]{"Staff", "Staff"}),
            Map.entry("cg", new String[]{"About you", "Amdanoch chi"}),
            Map.entry("cgHint", new String[]{"This helps us check that every group is served well.", "Mae hyn yn ein helpu i wirio ein bod yn gwasanaethu pob grŵp yn dda."}),
            Map.entry("pnts", new String[]{"Prefer not to say", "Mae'n well gennyf beidio â dweud"}),
            Map.entry("send", new String[]{"Send", "Anfon"}),
            Map.entry("done", new String[]{"Thank you for your feedback", "Diolch am eich adborth"}),
            Map.entry("doneBody", new String[]{"Your rating has been sent to {s}.", "Mae eich sgôr wedi'i anfon at {s}."}),
            Map.entry("problem", new String[]{"There is a problem", "Mae problem wedi codi"}),
            Map.entry("error", new String[]{"Error:", "Gwall:"}),
            Map.entry("needScore", new String[]{"Choose how your experience was", "Dewiswch sut oedd eich profiad"}),
            Map.entry("longComment", new String[]{"Your comment must be 1,000 characters or fewer", "Rhaid i'ch sylw fod yn 1,000 nod neu lai"}),
            Map.entry("checkAnswer", new String[]{"Check this answer", "Gwiriwch yr ateb hwn"}),
            Map.entry("tryAgain", new String[]{"Sorry, your rating could not be sent just now. Please send it again.", "Mae'n ddrwg gennym, nid oedd modd anfon eich sgôr ar hyn o bryd. Anfonwch hi eto."}),
            Map.entry("lang", new String[]{"Language", "Iaith"}),
            Map.entry("opt", new String[]{"(optional)", "(dewisol)"}),
            Map.entry("next", new String[]{"Continue", "Parhau"}),
            Map.entry("skip", new String[]{"Skip", "Hepgor"}),
            Map.entry("kioskWaiting", new String[]{"waiting to be sent", "yn aros i gael eu hanfon"}),
            Map.entry("kioskThanks", new String[]{"Thank you", "Diolch"}),
            Map.entry("noscript", new String[]{"This kiosk needs JavaScript.", "Mae angen JavaScript ar y ciosg hwn."}));

    private final String lang;
    private final Map<String, String> overrides;

    private Words(String lang, Map<String, String> overrides) {
        this.lang = lang;
        this.overrides = overrides;
    }

    /** The council's wording in this language ("cy" Welsh, anything else English). */
    public static Words of(CouncilSettings council, String lang) {
        String l = "cy".equals(lang) ? "cy" : "en";
        Map<String, String> own = council.strings() == null ? null : council.strings().get(l);
        return new Words(l, own == null ? Map.of() : own);
    }

    public String lang() {
        return lang;
    }

    /** The text for the key, with {s} (a name) or {n} (a number) filled in when given. */
    public String get(String key, Object... fill) {
        String text = overrides.get(key);
        if (text == null) {
            String[] pair = WORDS.get(key);
            if (pair == null) {
                throw new IllegalArgumentException("no words for " + key);
            }
            text = "cy".equals(lang) ? pair[1] : pair[0];
        }
        // Plain replacement, not String.format: a council's text may contain '%'.
        return fill.length == 0 ? text : text.replace("{s}", String.valueOf(fill[0])).replace("{n}", String.valueOf(fill[0]));
    }

    /** A point of the scale, e.g. "Good", or the council's own label for it. */
    public String scalePoint(Scale scale, ScalePoint point) {
        String own = overrides.get(scale.code() + "." + point.score());
        return own != null ? own : "cy".equals(lang) ? point.welsh() : point.english();
    }

    /** English or Welsh from settings: the Welsh where the council gave it. */
    public String localised(String english, String welsh) {
        return "cy".equals(lang) && welsh != null ? welsh : english;
    }

    /** The language to show: the one asked for when the council offers it, else the council's first. */
    public static String language(String requested, CouncilSettings council) {
        List<String> offered = offered(council);
        return offered.contains(requested) ? requested : offered.get(0);
    }

    /** The council's languages, its first the default; English and Welsh where it has not said. */
    public static List<String> offered(CouncilSettings council) {
        List<String> offered = new ArrayList<>();
        if (council.languages() != null) {
            council.languages().stream().filter(l -> l.equals("en") || l.equals("cy")).distinct().forEach(offered::add);
        }
        return offered.isEmpty() ? List.of("en", "cy") : offered;
    }
}
