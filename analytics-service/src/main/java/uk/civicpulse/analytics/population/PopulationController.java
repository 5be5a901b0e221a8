package uk.civicpulse.analytics.population;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.RatingSubmitted;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a council knows about the people it serves: population shares per customer-group question (for weighting
 * and representativeness) and contacts per month, service and channel (for the finite population correction and
 * response rates). Officers of the council read them; its council admins (and platform admins) change them.
 */
@Controller("/api/v1/councils/{council}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PopulationController {

    static final int MAX_ANSWERS = 50;
    static final int MAX_VOLUMES = 10_000;
    /** Shares must sum to 1 within this, so rounded census percentages are accepted. */
    public static final double SUM_TOLERANCE = 0.001;

    private final PopulationRepository repository;
    private final CouncilAccess access;

    public PopulationController(PopulationRepository repository, CouncilAccess access) {
        this.repository = repository;
        this.access = access;
    }

    /** Every customer-group question's population shares. */
    @Get("/population-shares")
    public List<QuestionShares> shares(@PathVariable String council, Authentication who) {
        access.requireReadable(who, council);
        return new ArrayList<>(repository.shares(council).values());
    }

    /**
     * Replaces one question's population shares (council admin or platform admin).
     *
     * @param question the customer-group question, e.g. age_band
     * @param body     {@code {"shares": {"16_24": 0.13, ...}, "source": "Census 2021"}}: each share in [0, 1],
     *                 summing to 1 within 0.001
     */
    @Put("/population-shares/{question}")
    public QuestionShares saveShares(@PathVariable String council, @PathVariable String question, @Body SharesBody body, Authentication who) {
        access.requireAdministrable(who, council);
        if (!RatingSubmitted.isCode(question)) {
            throw new BadParameterException("question", "must be a code of lower-case letters, digits, '-' or '_'");
        }
        if (body.shares() == null || body.shares().size() < 2 || body.shares().size() > MAX_ANSWERS) {
            throw new BadParameterException("shares", "give between 2 and " + MAX_ANSWERS + " answers with their shares");
        }
        double sum = 0;
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : body.shares().entrySet()) {
            if (!RatingSubmitted.isCode(e.getKey())) {
                throw new BadParameterException("shares", "'" + e.getKey() + "' is not an answer code");
            }
            Double share = e.getValue();
            if (share == null || !(share >= 0 && share <= 1)) {
                throw new BadParameterException("shares", "the share of '" + e.getKey() + "' must lie between 0 and 1");
            }
            sum += share;
            shares.put(e.getKey(), share);
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new BadParameterException("shares", "must sum to 1 (within " + SUM_TOLERANCE + "), got " + sum);
        }
        if (body.source() != null && body.source().length() > 500) {
            throw new BadParameterException("source", "at most 500 characters");
        }
        QuestionShares saved = new QuestionShares(question, shares, body.source());
        repository.replaceShares(council, saved);
        return saved;
    }

    /** Removes one question's population shares (council admin or platform admin). */
    @Delete("/population-shares/{question}")
    public HttpResponse<Void> deleteShares(@PathVariable String council, @PathVariable String question, Authentication who) {
        access.requireAdministrable(who, council);
        return repository.deleteShares(council, question) ? HttpResponse.noContent() : HttpResponse.notFound();
    }

    /**
     * Contacts per month, service and channel.
     *
     * @param from first month, YYYY-MM
     * @param to   last month, YYYY-MM
     */
    @Get("/contact-volumes")
    public List<ContactVolume> volumes(@PathVariable String council, @QueryValue String from, @QueryValue String to, Authentication who) {
        access.requireReadable(who, council);
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (first.isAfter(last)) {
            throw new BadParameterException("from", "is after 'to'");
        }
        return repository.volumes(council, first.atDay(1), last.atDay(1));
    }

    /**
     * Adds or replaces contact volumes (council admin or platform admin): a list of
     * {@code {"month": "2026-03", "service": "libraries", "channel": "web", "contacts": 1200}}.
     */
    @Put("/contact-volumes")
    public Map<String, Integer> saveVolumes(@PathVariable String council, @Body List<ContactVolume> volumes, Authentication who) {
        access.requireAdministrable(who, council);
        if (volumes == null || volumes.isEmpty() || volumes.size() > MAX_VOLUMES) {
            throw new BadParameterException("body", "give between 1 and " + MAX_VOLUMES + " contact volumes");
        }
        for (ContactVolume v : volumes) {
            month("month", v.month());
            if (v.service() == null || !RatingSubmitted.isCode(v.service())) {
                throw new BadParameterException("service", "must be a service code, got '" + v.service() + "'");
            }
            if (v.channel() == null || Channel.fromCode(v.channel()).isEmpty()) {
                throw new BadParameterException("channel", "must be web, face_to_face or phone, got '" + v.channel() + "'");
            }
            if (v.contacts() < 0) {
                throw new BadParameterException("contacts", "cannot be negative");
            }
        }
        repository.saveVolumes(council, volumes);
        return Map.of("saved", volumes.size());
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be a month YYYY-MM, got '" + value + "'");
        }
    }

    /**
     * @param shares share per answer code
     * @param source where the shares come from
     */
    @io.micronaut.serde.annotation.Serdeable
    public record SharesBody(@Nullable Map<String, Double> shares, @Nullable String source) {
    }
}
