package uk.civicpulse.analytics.population;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How many contacts one service had on one channel in one month.
 *
 * @param month    YYYY-MM
 * @param service  the service code
 * @param channel  web, face_to_face or phone
 * @param contacts the number of contacts, >= 0
 */
@Serdeable
public record ContactVolume(String month, String service, String channel, long contacts) {

    LocalDate firstDay() {
        return YearMonth.parse(month).atDay(1);
    }
}
