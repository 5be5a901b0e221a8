package uk.civicpulse.analytics.timeliness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * UK bank holidays per {@link Division}, read from a file in the format GOV.UK publishes at
 * https://www.gov.uk/bank-holidays.json ({"england-and-wales": {"events": [{"date": "2026-12-25", ...}]}, ...}).
 * A copy covering 2018-2027 is bundled; a newer download can be named in configuration without a release.
 */
public final class BankHolidays {

    public static final String BUNDLED = "/timeliness/bank-holidays.json";

    private final Map<Division, Set<LocalDate>> days;

    private BankHolidays(Map<Division, Set<LocalDate>> days) {
        this.days = days;
    }

    public static BankHolidays bundled() {
        try (InputStream in = BankHolidays.class.getResourceAsStream(BUNDLED)) {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BankHolidays fromFile(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bank holidays from " + file, e);
        }
    }

    /** @throws IllegalArgumentException when a division is missing or a date is malformed */
    static BankHolidays parse(byte[] json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        Map<Division, Set<LocalDate>> days = new EnumMap<>(Division.class);
        for (Division division : Division.values()) {
            JsonNode events = root.path(division.code()).path("events");
            if (!events.isArray()) {
                throw new IllegalArgumentException("bank holidays: no events for " + division.code());
            }
            Set<LocalDate> set = new TreeSet<>();
            events.forEach(e -> set.add(LocalDate.parse(e.path("date").asText())));
            days.put(division, Set.copyOf(set));
        }
        return new BankHolidays(days);
    }

    public Set<LocalDate> of(Division division) {
        return days.get(division);
    }
}
