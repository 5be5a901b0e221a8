package uk.civicpulse.analytics.satisfaction;

import uk.civicpulse.events.Scale;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How many ratings gave each score, for one slice on one scale.
 *
 * @param group  the slice's value per dimension, e.g. {service=waste, channel=web}
 * @param counts index i holds the count of score i + 1
 */
public record ScoreCounts(Map<Dimension, String> group, Scale scale, long[] counts) {

    public long n() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    public long satisfied() {
        long satisfied = 0;
        for (int i = 0; i < counts.length; i++) {
            if (scale.isSatisfied(i + 1)) {
                satisfied += counts[i];
            }
        }
        return satisfied;
    }

    public List<Long> countList() {
        return Arrays.stream(counts).boxed().toList();
    }
}
