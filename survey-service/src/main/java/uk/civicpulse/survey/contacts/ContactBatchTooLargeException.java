package uk.civicpulse.survey.contacts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.web.Problem;

import java.util.List;

/** A batch over the contacts or bytes allowed: 413, saying the limit, and nothing of it is sent. */
public class ContactBatchTooLargeException extends RuntimeException {

    public ContactBatchTooLargeException(String detail) {
        super(detail);
    }

    static ContactBatchTooLargeException contacts(int given, int limit) {
        return new ContactBatchTooLargeException("A batch may hold at most " + limit + " contacts; this one has "
                + given + ". Split it, or use the Kafka topic or the import tool for bulk loads.");
    }

    static ContactBatchTooLargeException bytes(long given, long limit) {
        return new ContactBatchTooLargeException("A batch body may be at most " + limit + " bytes; this one has "
                + given + ". Split it, or use the Kafka topic or the import tool for bulk loads.");
    }

    @Singleton
    static class Handler implements ExceptionHandler<ContactBatchTooLargeException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ContactBatchTooLargeException e) {
            return Problem.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getMessage(),
                    List.of(new FieldError("contacts", e.getMessage())));
        }
    }
}
