package uk.civicpulse.survey.settings;

import java.util.Map;
import java.util.Optional;

/**
 * A phone line whose post-call survey reaches survey-service through the IVR webhook.
 *
 * @param line    the line's code, unique across councils; the rating's touchpoint
 * @param secret  shared with the telephony platform; signs its posts. Never serialised or logged.
 * @param digits  keypad digit to score on the service's scale
 */
public record IvrLine(String line, String council, String service, String scale, String secret, Map<String, Integer> digits) {

    public Optional<Integer> score(String digit) {
        return Optional.ofNullable(digits.get(digit));
    }

    @Override
    public String toString() {
        return "IvrLine[" + line + " for " + council + "/" + service + "]";
    }
}
