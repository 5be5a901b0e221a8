package uk.civicpulse.analytics.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.web.Problem;

import java.util.List;

@Singleton
class BadFieldHandler implements ExceptionHandler<BadFieldException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, BadFieldException e) {
        return Problem.response(HttpStatus.BAD_REQUEST, "Field '" + e.field() + "': " + e.getMessage(),
                List.of(new FieldError(e.field(), e.getMessage())));
    }
}
