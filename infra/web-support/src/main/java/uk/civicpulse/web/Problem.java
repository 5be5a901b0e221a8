package uk.civicpulse.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.events.FieldError;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer.
 *
 * @param errors one entry per bad field, where the problem is with the request's content
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, @Nullable List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = MediaType.of("application/problem+json");

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail, List<FieldError> errors) {
        return HttpResponse.<Problem>status(status)
                .contentType(MEDIA_TYPE)
                .body(new Problem("about:blank", status.getReason(), status.getCode(), detail, errors.isEmpty() ? null : errors));
    }
}
