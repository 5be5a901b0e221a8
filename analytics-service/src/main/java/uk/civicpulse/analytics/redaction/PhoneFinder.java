package uk.civicpulse.analytics.redaction;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Phone numbers, UK and international, found by Google's libphonenumber with GB as the default region. Its "valid"
 * check alone misses numbers in ranges it does not know as allocated (Ofcom's drama range 07700 900xxx among them), so
 * a merely "possible" number is also taken when it is shaped like a dialled number: a leading 0, +, or 00 and at least
 * ten digits. That rule keeps dates (12/03), times (08:30-17:00) and prices (120.50) out.
 */
final class PhoneFinder {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneFinder() {
    }

    static List<RedactedSpan> find(String text) {
        List<RedactedSpan> found = new ArrayList<>();
        for (PhoneNumberMatch match : PHONES.findNumbers(text, "GB", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (PHONES.isValidNumber(match.number()) || dialledShape(match.rawString())) {
                found.add(new RedactedSpan(match.start(), match.end(), PersonalData.PHONE));
            }
        }
        return found;
    }

    private static boolean dialledShape(String raw) {
        String trimmed = raw.replaceFirst("^\\(", "");
        long digits = raw.chars().filter(Character::isDigit).count();
        return (trimmed.startsWith("0") || trimmed.startsWith("+")) && digits >= 10;
    }
}
