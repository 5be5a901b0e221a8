package uk.civicpulse.survey.phone;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.uri.QueryStringDecoder;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.survey.ratings.RatingIntake;
import uk.civicpulse.survey.ratings.RatingPublisher;
import uk.civicpulse.survey.ratings.RatingRefusedException;
import uk.civicpulse.survey.ratings.RatingRequest;
import uk.civicpulse.survey.ratings.RatingValidator;
import uk.civicpulse.survey.ratings.RatingsController;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.survey.settings.IvrLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The post-call survey webhook. The telephony platform posts, as JSON or form-encoded, the {@code line}, the
 * caller's keypad {@code digit}, its own {@code callId} and optionally {@code answeredAt}; signed as
 * {@link IvrSignature} describes with the line's secret. The digit becomes a score through the line's digit map, on
 * the scale of the line's service; the touchpoint is the line. The rating's id is derived from the line and call id,
 * so the platform's retries are counted once.
 */
@Controller("/api/v1/phone/ivr")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Phone")
public class IvrController {

    private final CaptureSettings settings;
    private final RatingValidator validator;
    private final RatingPublisher publisher;
    private final JsonMapper json;

    public IvrController(CaptureSettings settings, RatingValidator validator, RatingPublisher publisher, JsonMapper json) {
        this.settings = settings;
        this.validator = validator;
        this.publisher = publisher;
        this.json = json;
    }

    @Post
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "A caller's keypad answer to a post-call survey, from the telephony platform")
    public CompletableFuture<HttpResponse<RatingsController.Accepted>> answer(HttpRequest<?> http, @Body byte[] body) {
        Map<String, String> fields = fields(http, body);
        IvrLine line = settings.ivrLine(fields.get("line")).orElse(null);
        if (line == null || !IvrSignature.verifies(line.secret(), body,
                http.getHeaders().get(IvrSignature.SIGNATURE_HEADER), http.getHeaders().get(IvrSignature.SECRET_HEADER))) {
            // The same answer for an unknown line and a bad signature: nothing is revealed about which lines exist.
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED,
                    "The post is not signed with the line's secret (" + IvrSignature.SIGNATURE_HEADER + ": sha256=<hex HMAC-SHA256 of the body>)");
        }
        List<FieldError> errors = new ArrayList<>();
        String digit = fields.get("digit");
        Optional<Integer> score = digit == null ? Optional.empty() : line.score(digit.trim());
        if (score.isEmpty()) {
            errors.add(new FieldError("digit", digit == null ? "is required"
                    : "line '" + line.line() + "' maps only digits " + String.join(", ", line.digits().keySet())));
        }
        String callId = fields.get("callId");
        if (callId == null || callId.isBlank() || callId.length() > 200) {
            errors.add(new FieldError("callId", "is required: the platform's id for the call, at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        UUID id = UUID.nameUUIDFromBytes(("ivr\u0000" + line.line() + "\u0000" + callId).getBytes(StandardCharsets.UTF_8));
        RatingRequest request = new RatingRequest(id.toString(), line.council(), line.service(), "phone", line.line(),
                line.scale(), score.get(), List.of(), null, null, null, fields.get("answeredAt"));
        RatingValidator.Result result = validator.validate(request);
        if (!result.isAccepted()) {
            throw refused(result.errors());
        }
        return publisher.publish(result.rating())
                .thenApply(rating -> HttpResponse.accepted().body(new RatingsController.Accepted(rating.id())));
    }

    private Map<String, String> fields(HttpRequest<?> http, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>();
        boolean isJson = http.getContentType().map(t -> t.getSubtype().equals("json")).orElse(false);
        if (isJson) {
            try {
                JsonNode node = json.readValue(body, JsonNode.class);
                if (node == null || !node.isObject()) {
                    throw new IOException("not an object");
                }
                for (Map.Entry<String, JsonNode> e : node.entries()) {
                    if (e.getValue().isString() || e.getValue().isNumber()) {
                        fields.put(e.getKey(), e.getValue().coerceStringValue());
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "The body is not a JSON object with line, digit and callId");
            }
        } else {
            new QueryStringDecoder(text, false).parameters().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    fields.put(k, v.get(0));
                }
            });
        }
        return fields;
    }

    private static RatingRefusedException refused(List<FieldError> errors) {
        return new RatingRefusedException(new RatingIntake.Refused(HttpStatus.UNPROCESSABLE_ENTITY,
                "The keypad answer was not accepted; check: " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()),
                errors, Optional.empty(), false));
    }
}
