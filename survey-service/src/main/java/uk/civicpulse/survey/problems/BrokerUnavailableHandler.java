package uk.civicpulse.survey.problems;

import uk.civicpulse.web.Problem;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.civicpulse.survey.ratings.BrokerUnavailableException;

import java.util.List;

@Singleton
class BrokerUnavailableHandler implements ExceptionHandler<BrokerUnavailableException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerUnavailableHandler.class);

    private final int retryAfterSeconds;

    BrokerUnavailableHandler(@Value("${civic-pulse.kafka.retry-after:5s}") java.time.Duration retryAfter) {
        this.retryAfterSeconds = (int) Math.max(1, retryAfter.toSeconds());
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, BrokerUnavailableException e) {
        LOG.warn("Answering 503: {}", e.getCause() == null ? e.getMessage() : e.getCause().toString());
        return Problem.response(HttpStatus.SERVICE_UNAVAILABLE,
                        "The rating could not be stored just now. Keep it and send it again with the same id.", List.of())
                .header("Retry-After", String.valueOf(retryAfterSeconds));
    }
}
