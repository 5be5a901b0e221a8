package uk.civicpulse.survey.problems;

import uk.civicpulse.web.Problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.civicpulse.survey.ratings.RatingRejectedException;

@Singleton
class RatingRejectedHandler implements ExceptionHandler<RatingRejectedException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RatingRejectedException e) {
        String fields = String.join(", ", e.errors().stream().map(f -> f.field()).distinct().toList());
        return Problem.response(HttpStatus.UNPROCESSABLE_ENTITY, "The rating was not accepted; check: " + fields, e.errors());
    }
}
