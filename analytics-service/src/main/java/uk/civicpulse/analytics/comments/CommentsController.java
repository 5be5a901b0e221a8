package uk.civicpulse.analytics.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceParameters;
import uk.civicpulse.analytics.web.BadParameterException;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Residents' comments with their reasons, for officers of the council only; and erasure of a rating on request. */
@Controller("/api/v1/councils/{council}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CommentsController {

    static final int MAX_PAGE_SIZE = 200;

    private final CommentRepository comments;
    private final RatingStore store;
    private final CouncilAccess access;
    private final CommentDisclosure disclosure;
    private final OriginalViewLog originalViews;

    public CommentsController(CommentRepository comments, RatingStore store, CouncilAccess access, CommentDisclosure disclosure,
                              OriginalViewLog originalViews) {
        this.comments = comments;
        this.store = store;
        this.access = access;
        this.disclosure = disclosure;
        this.originalViews = originalViews;
    }

    /**
     * Comments newest first, filtered by service, score and reason, paged (page from 0, size up to 200), with personal
     * data redacted. A council admin may ask for the originals ({@code originals=true}); each reading is audited.
     *
     * @param format json (default) or csv
     * @param originals true for unredacted text (council admins of this council only; 403 for anyone else)
     */
    @Get(uri = "/comments", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> comments(@PathVariable String council, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                    @Nullable @QueryValue String period, @Nullable @QueryValue String date,
                                    @Nullable @QueryValue String service, @Nullable @QueryValue Integer score,
                                    @Nullable @QueryValue String reason, @Nullable @QueryValue Integer page,
                                    @Nullable @QueryValue Integer size, @Nullable @QueryValue String format,
                                    @Nullable @QueryValue Boolean originals, Authentication who) {
        access.requireReadable(who, council);
        Slice slice = SliceParameters.parse(council, from, to, period, date, null, null, Map.of(), null);
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw new BadParameterException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_PAGE_SIZE) {
            throw new BadParameterException("size", "must be 1 to " + MAX_PAGE_SIZE);
        }
        if (score != null && (score < 1 || score > 5)) {
            throw new BadParameterException("score", "must be 1 to 5");
        }
        boolean csvWanted = "csv".equals(format);
        if (format != null && !csvWanted && !format.equals("json")) {
            throw new BadParameterException("format", "must be json or csv");
        }
        CommentPage found = disclosure.disclose(who, council, comments.find(council, slice.from(), slice.to(), service, score, reason, p, s),
                Boolean.TRUE.equals(originals), csvWanted ? CommentDisclosure.Route.API_CSV : CommentDisclosure.Route.API);
        if (!csvWanted) {
            return HttpResponse.ok(found).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(CommentCsv.of(found.items())).contentType(MediaType.of("text/csv; charset=utf-8"));
    }

    /** Who read this council's comments unredacted, newest first (council admins and platform admins). */
    @Get(uri = "/comments/original-views", produces = MediaType.APPLICATION_JSON)
    @Secured({"council_admin", "platform_admin"})
    public List<OriginalViewLog.OriginalView> originalViews(@PathVariable String council, @Nullable @QueryValue Integer limit, Authentication who) {
        access.requireAdministrable(who, council);
        int l = limit == null ? 100 : limit;
        if (l < 1 || l > 1000) {
            throw new BadParameterException("limit", "must be 1 to 1000");
        }
        return originalViews.recent(council, l);
    }

    /** Erases one rating on a resident's request (council admins and platform admins): 204, or 404 if there is none. */
    @Delete("/ratings/{id}")
    @Secured({"council_admin", "platform_admin"})
    public HttpResponse<?> erase(@PathVariable String council, @PathVariable UUID id, Authentication who) throws SQLException {
        access.requireReadable(who, council);
        if (!store.erase(council, id)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "council '" + council + "' has no rating " + id);
        }
        return HttpResponse.noContent();
    }
}
