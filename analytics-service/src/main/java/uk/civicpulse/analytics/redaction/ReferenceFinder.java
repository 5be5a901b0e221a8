package uk.civicpulse.analytics.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reference numbers that point at one resident: a code after words such as "reference", "case", "account",
 * "cyfeirnod" or "rhif achos"; National Insurance numbers; vehicle registrations in the current format; and
 * system-style codes (letters then four or more digits, e.g. "ENQ123456", "FOI/2025/0456"). Long numbers not starting with 0 (those are phones) count too. Dates, times, road
 * numbers (A470) and council tax bands have no such shape and are left alone.
 */
final class ReferenceFinder {

    private static final String CODE = "(?=[A-Za-z0-9/-]*\\d{3})[A-Za-z0-9](?:[A-Za-z0-9/-]*[A-Za-z0-9])?(?:\\s\\d{3,})*";
    private static final Pattern AFTER_CONTEXT = Pattern.compile(
            "\\b(?:ref(?:erence)?|case|account|acc(?:oun)?t|claim|ticket|job|complaint|enquiry|application|permit|order|invoice|"
                    + "tenancy|booking|crn|uprn|cyfeirnod|achos|cyfrif|cais|cwyn|rhif)"
                    + "(?:\\s+(?:no|number|num|ref|reference|id|rhif|code))?\\.?\\s*(?:is|was|yw|oedd)?\\s*[:#\\-]?\\s*(" + CODE + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NATIONAL_INSURANCE = Pattern.compile(
            "\\b[A-Z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D]\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern VEHICLE_REGISTRATION = Pattern.compile("\\b[A-Z]{2}\\d{2}\\s?[A-Z]{3}\\b");
    private static final Pattern SYSTEM_CODE = Pattern.compile("\\b[A-Z]{2,5}(?:[-/]?\\d{2,4})?[-/]?\\d{4,}(?:[-/]\\d+)*\\b");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d,.£$])[1-9]\\d{7,}(?![\\d,.])");

    private ReferenceFinder() {
    }

    static List<RedactedSpan> find(String text) {
        List<RedactedSpan> found = new ArrayList<>();
        Matcher context = AFTER_CONTEXT.matcher(text);
        while (context.find()) {
            found.add(new RedactedSpan(context.start(1), context.end(1), PersonalData.REFERENCE));
        }
        for (Pattern shape : List.of(NATIONAL_INSURANCE, VEHICLE_REGISTRATION, SYSTEM_CODE, LONG_NUMBER)) {
            Matcher m = shape.matcher(text);
            while (m.find()) {
                found.add(new RedactedSpan(m.start(), m.end(), PersonalData.REFERENCE));
            }
        }
        return found;
    }
}
