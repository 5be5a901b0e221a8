package uk.civicpulse.analytics.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UK postcodes: a full postcode anywhere (area letters checked against the 121 UK postcode areas plus the Crown
 * dependencies, so "A470" or "M4 motorway" are left alone), and an outward code on its own ("CF10") only where the
 * words before it say it is where someone lives ("my postcode is NP20", "I live in SA1", "cod post CF5").
 */
final class PostcodeFinder {

    private static final Set<String> AREAS = Set.of(("AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL "
            + "DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M "
            + "ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF "
            + "TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE").split(" "));

    private static final String OUTWARD = "([A-Za-z]{1,2})\\d[A-Za-z\\d]?";
    private static final Pattern FULL = Pattern.compile("\\b" + OUTWARD + "\\s?\\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}\\b");
    private static final Pattern OUTWARD_IN_CONTEXT = Pattern.compile(
            "(?:post\\s?code|cod post|live in|living in|lives in|moved to|area|ardal|byw yn|yn byw yng?)\\s*(?:is|yw|of)?\\s*[:\\-]?\\s*(" + "([A-Za-z]{1,2})\\d[A-Za-z\\d]?" + ")\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTWARD_BEFORE_AREA = Pattern.compile("\\b(([A-Za-z]{1,2})\\d[A-Za-z\\d]?)\\s+(?:area|postcode)\\b",
            Pattern.CASE_INSENSITIVE);

    private PostcodeFinder() {
    }

    static List<RedactedSpan> find(String text) {
        List<RedactedSpan> found = new ArrayList<>();
        Matcher full = FULL.matcher(text);
        while (full.find()) {
            if (AREAS.contains(full.group(1).toUpperCase(java.util.Locale.ROOT))) {
                found.add(new RedactedSpan(full.start(), full.end(), PersonalData.POSTCODE));
            }
        }
        for (Pattern inContext : List.of(OUTWARD_IN_CONTEXT, OUTWARD_BEFORE_AREA)) {
            Matcher outward = inContext.matcher(text);
            while (outward.find()) {
                if (AREAS.contains(outward.group(2).toUpperCase(java.util.Locale.ROOT))) {
                    found.add(new RedactedSpan(outward.start(1), outward.end(1), PersonalData.POSTCODE));
                }
            }
        }
        return found;
    }
}
