package uk.civicpulse.survey.contacts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.web.Problem;

import java.util.List;

/** A contact (or every contact of a batch) was not accepted: 422 naming each bad field. */
public class ContactRejectedException extends RuntimeException {

    private final List<FieldError> errors;

    public ContactRejectedException(List<FieldError> errors) {
        super("the contact has " + errors.size() + " problem(s)");
        this.errors = List.copyOf(errors);
    }

    @Singleton
    static class Handler implements ExceptionHandler<ContactRejectedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ContactRejectedException e) {
            String fields = String.join(", ", e.errors.stream().map(FieldError::field).distinct().toList());
            return Problem.response(HttpStatus.UNPROCESSABLE_ENTITY, "Not accepted; check: " + fields, e.errors);
        }
    }
}
