package uk.civicpulse.analytics.timeliness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.events.RatingSubmitted;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A new standard, or a new version of one (same code, later effective date). */
@Serdeable
public record StandardRequest(@Nullable String code, @Nullable String effectiveFrom, @Nullable String service,
                              @Nullable String channel, @Nullable String contactType, @Nullable String measure,
                              @Nullable Integer limit, @Nullable String unit, @Nullable Double targetShare,
                              @Nullable String promiseEn, @Nullable String promiseCy) {

    static final int MAX_PROMISE_LENGTH = 500;

    /** @throws StandardRejectedException naming every bad field */
    Standard validated() {
        List<FieldError> errors = new ArrayList<>();
        if (!RatingSubmitted.isCode(code)) {
            errors.add(new FieldError("code", "must be a code of lower-case letters, digits, '-' or '_'"));
        }
        LocalDate from = null;
        try {
            from = effectiveFrom == null ? null : LocalDate.parse(effectiveFrom);
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (from == null) {
            errors.add(new FieldError("effectiveFrom", "is required, as YYYY-MM-DD"));
        }
        if (service != null && !RatingSubmitted.isCode(service)) {
            errors.add(new FieldError("service", "must be a service code, or left out for every service"));
        }
        if (channel != null && ContactChannel.fromCode(channel).isEmpty()) {
            errors.add(new FieldError("channel", "must be phone, email, web_form, letter or face_to_face, or left out for every channel"));
        }
        if (!RatingSubmitted.isCode(contactType)) {
            errors.add(new FieldError("contactType", "is required: a code such as call, email, letter, complaint"));
        }
        if (measure == null || Measure.fromCode(measure).isEmpty()) {
            errors.add(new FieldError("measure", "must be first_response or resolution"));
        }
        if (limit == null || limit <= 0) {
            errors.add(new FieldError("limit", "must be a whole number above 0"));
        }
        if (unit == null || LimitUnit.fromCode(unit).isEmpty()) {
            errors.add(new FieldError("unit", "must be seconds, minutes, hours or working_days"));
        }
        if (targetShare == null || !(targetShare > 0 && targetShare <= 1)) {
            errors.add(new FieldError("targetShare", "must be above 0 and at most 1, e.g. 0.9"));
        }
        if (promiseEn == null || promiseEn.isBlank() || promiseEn.length() > MAX_PROMISE_LENGTH) {
            errors.add(new FieldError("promiseEn", "is required, at most " + MAX_PROMISE_LENGTH + " characters"));
        }
        if (promiseCy == null || promiseCy.isBlank() || promiseCy.length() > MAX_PROMISE_LENGTH) {
            errors.add(new FieldError("promiseCy", "is required (the Welsh promise), at most " + MAX_PROMISE_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new StandardRejectedException(errors);
        }
        return new Standard(code, from, service, channel, contactType, measure, limit, unit, targetShare,
                promiseEn.strip(), promiseCy.strip(), null, null);
    }
}
