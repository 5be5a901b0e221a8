package uk.civicpulse.survey.problems;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.civicpulse.survey.cors.CorsFilter;
import uk.civicpulse.survey.ratings.RatingIntake;
import uk.civicpulse.survey.ratings.RatingRefusedException;
import uk.civicpulse.web.Problem;

@Singleton
class RatingRefusedHandler implements ExceptionHandler<RatingRefusedException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RatingRefusedException e) {
        return response(request, e.refusal());
    }

    /** The problem answer for a refused rating; for an origin refusal, also keeps CORS headers off it. */
    static MutableHttpResponse<Problem> response(HttpRequest<?> request, RatingIntake.Refused refusal) {
        if (refusal.originRefused()) {
            request.setAttribute(CorsFilter.REFUSED_ATTRIBUTE, Boolean.TRUE);
        }
        MutableHttpResponse<Problem> response = Problem.response(refusal.status(), refusal.detail(), refusal.errors());
        refusal.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000))));
        return response;
    }
}
