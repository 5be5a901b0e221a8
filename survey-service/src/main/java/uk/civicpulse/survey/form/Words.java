package uk.civicpulse.survey.form;

import java.util.Map;

/** The server-rendered pages' words in English and Welsh; the widget script carries the same set. */
public final class Words {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("q", new String[]{"How was your experience of %s?", "Sut oedd eich profiad o %s?"}),
            Map.entry("why", new String[]{"What made it so? (optional)", "Beth oedd y rheswm? (dewisol)"}),
            Map.entry("whyHint", new String[]{"Choose any that apply", "Dewiswch unrhyw rai sy'n berthnasol"}),
            Map.entry("com", new String[]{"Is there anything else you want to tell us? (optional)", "A oes unrhyw beth arall yr hoffech ei ddweud wrthym? (dewisol)"}),
            Map.entry("comHint", new String[]{"Up to 1,000 characters", "Hyd at 1,000 nod"}),
            Map.entry("ka", new String[]{"How would you rate us on each of these? (optional)", "Sut fyddech chi'n ein sgorio ar bob un o'r rhain? (dewisol)"}),
            Map.entry("kaHint", new String[]{"From 1 (very poor) to 5 (very good)", "O 1 (gwael iawn) i 5 (da iawn)"}),
            Map.entry("delivery", new String[]{"Delivering what you needed", "Darparu'r hyn oedd ei angen arnoch"}),
            Map.entry("timeliness", new String[]{"Time taken", "Yr amser a gymerwyd"}),
            Map.entry("information", new String[]{"Information given", "Y wybodaeth a roddwyd"}),
            Map.entry("access", new String[]{"Ease of access", "Pa mor hawdd oedd cael mynediad"}),
            Map.entry("staff", new String[]{"Staff", "Staff"}),
            Map.entry("cg", new String[]{"About you (optional)", "Amdanoch chi (dewisol)"}),
            Map.entry("cgHint", new String[]{"This helps us check that every group is served well.", "Mae hyn yn ein helpu i wirio ein bod yn gwasanaethu pob grŵp yn dda."}),
            Map.entry("pnts", new String[]{"Prefer not to say", "Mae'n well gennyf beidio â dweud"}),
            Map.entry("send", new String[]{"Send", "Anfon"}),
            Map.entry("done", new String[]{"Thank you for your feedback", "Diolch am eich adborth"}),
            Map.entry("doneBody", new String[]{"Your rating has been sent to %s.", "Mae eich sgôr wedi'i anfon at %s."}),
            Map.entry("problem", new String[]{"There is a problem", "Mae problem wedi codi"}),
            Map.entry("error", new String[]{"Error:", "Gwall:"}),
            Map.entry("needScore", new String[]{"Choose how your experience was", "Dewiswch sut oedd eich profiad"}),
            Map.entry("longComment", new String[]{"Your comment must be 1,000 characters or fewer", "Rhaid i'ch sylw fod yn 1,000 nod neu lai"}),
            Map.entry("checkAnswer", new String[]{"Check this answer", "Gwiriwch yr ateb hwn"}),
            Map.entry("tryAgain", new String[]{"Sorry, your rating could not be sent just now. Please send it again.", "Mae'n ddrwg gennym, nid oedd modd anfon eich sgôr ar hyn o bryd. Anfonwch hi eto."}),
            Map.entry("lang", new String[]{"Language", "Iaith"}),
            Map.entry("kioskWaiting", new String[]{"waiting to be sent", "yn aros i gael eu hanfon"}),
            Map.entry("kioskThanks", new String[]{"Thank you", "Diolch"}),
            Map.entry("noscript", new String[]{"This kiosk needs JavaScript.", "Mae angen JavaScript ar y ciosg hwn."}));

    private Words() {
    }

    /** The word in the language ("cy" for Welsh, anything else English), with any %s filled in. */
    public static String of(String lang, String key, Object... args) {
        String[] pair = WORDS.get(key);
        if (pair == null) {
            throw new IllegalArgumentException("no words for " + key);
        }
        String text = "cy".equals(lang) ? pair[1] : pair[0];
        return args.length == 0 ? text : String.format(text, args);
    }

    public static String language(String requested) {
        return "cy".equals(requested) ? "cy" : "en";
    }
}
