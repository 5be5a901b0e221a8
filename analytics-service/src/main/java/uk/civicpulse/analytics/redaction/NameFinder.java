package uk.civicpulse.analytics.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of people given in free text, English and Welsh. A capitalised word counts as a name after a cue: a title
 * ("Mr Jones", "Cllr Evans"), an introduction ("my name is", "fy enw i yw"), contact with staff ("I spoke to",
 * "siaradais â", "thanks to", "diolch i"), a relation or a job ("my neighbour Dave", "the driver, Tom"), or a sign-off
 * at the end ("Regards, J. Smith"); and a common first name counts anywhere ("Sarah was lovely"). Names joined by
 * "and", "a" or a comma to a found name are taken too. Capitalised words that are services, days, places and brands
 * ({@link NameWords#NOT_NAMES}) are not names, and a name followed by "Street", "Park" and the like is a place.
 * Titles are kept ("Mr [name]"): they say little about a person and keep the comment readable.
 */
final class NameFinder {

    private static final String WORD = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)?";
    private static final String NAME = "(?<name>(?:\\p{Lu}(?:\\.\\s?|\\s)){1,2}" + WORD + "|" + WORD + "(?:\\s\\p{Lu}\\.)?(?:\\s+" + WORD + "){0,2})";

    private static final List<Pattern> CUES = List.of(
            Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Cynghorydd|Y Cynghorydd)\\.?\\s+" + NAME),
            Pattern.compile("(?i:\\b(?:my name is|my name's|name's|i am|i'm|this is|fy enw i yw|fy enw yw|fy enw i ydy|fy enw ydy))\\s+" + NAME),
            Pattern.compile("(?i:\\b(?:spoke to|spoke with|speak to|speaking to|speaking with|talked to|talking to|dealt with(?: by)?|"
                    + "helped by|served by|seen by|visited by|assisted by|handled by|thanks to|thank you to|thank you|thanks|"
                    + "ask for|asked for|asking for|called|named|known as|siaradais â|siaradais ag|siaradais gyda|siarad â|"
                    + "siarad gyda|diolch i|diolch|o'r enw|sef)),?\\s+" + NAME),
            Pattern.compile("(?i:\\b(?:my|our|fy|ein|her|his)\\s+(?:neighbours?|neighbors?|husband|wife|son|daughter|mum|mom|mother|dad|"
                    + "father|partner|carer|friend|landlord|landlady|brother|sister|nan|nana|gran|granny|grandad|grandson|"
                    + "granddaughter|uncle|aunt|auntie|nephew|niece|colleague|tenant|nghymydog|nghymdoges|ngŵr|ngwr|ngwraig|mab|"
                    + "merch|mam|nhad|mrawd|chwaer|ffrind|ngofalwr|ngofalwraig)),?\\s+(?i:(?:called|named|o'r enw)\\s+)?" + NAME),
            Pattern.compile("(?i:\\b(?:officer|adviser|advisor|agent|operator|lady|man|gentleman|woman|driver|receptionist|caseworker|"
                    + "warden|inspector|manager|supervisor|worker|guy|bloke|girl|chap|binman|bin man|member of staff|swyddog|"
                    + "gweithiwr|dyn|menyw|fenyw|ddynes|gyrrwr|gynghorydd)),?\\s+(?i:(?:called|named|o'r enw|sef)\\s+)?" + NAME),
            Pattern.compile("(?i:\\b(?:signed|regards|kind regards|best regards|best wishes|many thanks|thanks|thank you|cheers|"
                    + "yours sincerely|yours faithfully|from|diolch|yn gywir|cofion|cofion gorau))[,.!:]?\\s*(?:[-–—]\\s*)?"
                    + NAME + "\\s*[.!]?\\s*$"),
            Pattern.compile("(?:^|\\s)[-–—]\\s*" + NAME + "\\s*[.!]?\\s*$"));
    private static final Pattern FIRST_NAME = Pattern.compile("(?<name>" + WORD + ")(?<surname>\\s+" + WORD + ")?");
    private static final Pattern AND_NAME = Pattern.compile("^(?:\\s*,\\s*|\\s+(?:and|&|a|ac)\\s+)" + NAME);
    private static final Pattern SAINT_BEFORE = Pattern.compile("(?:\\bSt\\.?|\\bSaint|\\bSant|\\bHeol|\\bStryd|\\bYsgol|Gŵyl)\\s+$");

    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.?");
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+(\\p{L}+)");

    private NameFinder() {
    }

    static List<RedactedSpan> find(String text) {
        List<RedactedSpan> found = new ArrayList<>();
        for (Pattern cue : CUES) {
            Matcher m = cue.matcher(text);
            while (m.find()) {
                accept(text, m.start("name"), m.group("name"), found);
            }
        }
        Matcher m = FIRST_NAME.matcher(text);
        int from = 0;
        while (m.find(from)) {
            boolean wordStart = m.start() == 0 || !Character.isLetter(text.charAt(m.start() - 1));
            if (wordStart && NameWords.FIRST_NAMES.contains(m.group("name"))) {
                accept(text, m.start(), m.group(), found);
            }
            // Step one word on, not past the match: in "Roedd Huw" the first name is the second word.
            from = m.end("name");
        }
        return found;
    }

    /** Takes a candidate name less trailing non-name words, unless it is a place; then any names joined on to it. */
    private static void accept(String text, int start, String candidate, List<RedactedSpan> found) {
        String[] words = candidate.split("\\s+");
        int kept = words.length;
        while (kept > 0 && (NameWords.NOT_NAMES.contains(bare(words[kept - 1])) || NameWords.PLACE_WORDS.contains(bare(words[kept - 1])))) {
            kept--;
        }
        if (kept == 0 || (!INITIAL.matcher(words[0]).matches() && NameWords.NOT_NAMES.contains(bare(words[0]))) || SAINT_BEFORE.matcher(text.substring(0, start)).find()) {
            return;
        }
        int end = start;
        for (int i = 0; i < kept; i++) {
            end = text.indexOf(words[i], end) + words[i].length();
        }
        String following = kept < words.length ? bare(words[kept]) : nextWord(text, end);
        if (NameWords.PLACE_WORDS.contains(following)) {
            return;
        }
        found.add(new RedactedSpan(start, end, PersonalData.NAME));
        Matcher joined = AND_NAME.matcher(text.substring(end));
        if (joined.find()) {
            accept(text, end + joined.start("name"), joined.group("name"), found);
        }
    }

    private static String bare(String word) {
        return word.replaceAll("[.,]$", "");
    }

    private static String nextWord(String text, int from) {
        Matcher next = NEXT_WORD.matcher(text.substring(from));
        return next.find() ? next.group(1) : "";
    }
}
