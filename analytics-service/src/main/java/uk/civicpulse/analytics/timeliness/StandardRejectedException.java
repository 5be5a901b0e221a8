package uk.civicpulse.analytics.timeliness;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.web.Problem;

import java.util.List;

/** A standard that cannot be recorded; answered 422 naming every bad field. */
public class StandardRejectedException extends RuntimeException {

    private final List<FieldError> errors;

    public StandardRejectedException(List<FieldError> errors) {
        super("standard rejected: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Singleton
    static class Handler implements ExceptionHandler<StandardRejectedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, StandardRejectedException e) {
            String fields = String.join(", ", e.errors().stream().map(FieldError::field).distinct().toList());
            return Problem.response(HttpStatus.UNPROCESSABLE_ENTITY, "The standard was not recorded; check: " + fields, e.errors());
        }
    }
}
