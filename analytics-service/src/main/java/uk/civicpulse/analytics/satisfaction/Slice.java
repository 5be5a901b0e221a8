package uk.civicpulse.analytics.satisfaction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Which ratings a figure is about and how they are broken down.
 *
 * @param council  the council
 * @param from     first day, inclusive
 * @param to       last day, inclusive
 * @param by       the breakdown, in order
 * @param filters  equality filters on dimensions (service, channel, touchpoint, customer_group)
 * @param question the customer-group question, when broken down or filtered by customer group
 * @param interval the period for {@link Dimension#PERIOD}, when it is in {@code by}
 */
public record Slice(String council, LocalDate from, LocalDate to, List<Dimension> by, Map<Dimension, String> filters,
                    String question, Interval interval) {

    public boolean byCustomerGroup() {
        return question != null;
    }
}
