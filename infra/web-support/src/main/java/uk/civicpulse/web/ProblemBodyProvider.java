package uk.civicpulse.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;
import uk.civicpulse.events.FieldError;

import java.util.List;

/**
 * Makes every error Micronaut itself raises (malformed JSON, a body too large, an unknown route, a missing
 * token) an {@code application/problem+json} body of the same shape as the services' own problems.
 */
@Singleton
@SerdeImport(FieldError.class)
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        List<FieldError> fields = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new FieldError(e.getPath().get(), e.getMessage()))
                .toList();
        String detail = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        if (status == HttpStatus.BAD_REQUEST && context.getRootCause().isPresent()) {
            detail = "The request body is not valid JSON of the expected form: " + detail;
        }
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, fields.isEmpty() ? null : fields);
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE.toString();
    }
}
