package uk.civicpulse.analytics.dashboard;

/** One choice in a filter's list: the code in the address and the words shown. */
public record FilterOption(String code, String name) {
}
