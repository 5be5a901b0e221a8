package uk.civicpulse.survey.contacts;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.civicpulse.web.Problem;

import java.time.Duration;
import java.util.List;

/** The broker did not acknowledge the contacts in time: 503 with Retry-After; the sender sends them again (same ids). */
public class ContactsNotStoredException extends RuntimeException {

    public ContactsNotStoredException(Throwable cause) {
        super("the contacts could not be stored just now", cause);
    }

    @Singleton
    static class Handler implements ExceptionHandler<ContactsNotStoredException, HttpResponse<Problem>> {

        private final int retryAfterSeconds;

        Handler(@Value("${civic-pulse.kafka.retry-after:5s}") Duration retryAfter) {
            this.retryAfterSeconds = (int) Math.max(1, retryAfter.toSeconds());
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ContactsNotStoredException e) {
            return Problem.response(HttpStatus.SERVICE_UNAVAILABLE,
                            "The contacts could not be stored just now. Send them again with the same source ids.", List.of())
                    .header("Retry-After", String.valueOf(retryAfterSeconds));
        }
    }
}
