package uk.civicpulse.survey.benchmark;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The do-nothing baseline for the load test: the same server, filters and body size as {@code POST /api/v1/ratings},
 * but the body is only read, never parsed, checked or produced. Exists only when
 * {@code civic-pulse.benchmark.noop-enabled} is true (off by default).
 */
@Controller("/api/v1/benchmark/noop")
@Requires(property = "civic-pulse.benchmark.noop-enabled", value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class NoopController {

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<String> noop(@Body String body) {
        return HttpResponse.accepted().body("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
