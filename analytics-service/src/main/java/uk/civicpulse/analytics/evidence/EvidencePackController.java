package uk.civicpulse.analytics.evidence;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.pages.LanguageLocaleResolver;
import uk.civicpulse.analytics.pages.Pages;
import uk.civicpulse.analytics.publishing.PublicResultsService;
import uk.civicpulse.analytics.publishing.ReportingPeriod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Customer Service Excellence evidence pack for a chosen period: each element of criteria 1 and 5 (and 4.2.3,
 * 4.3.1) with the live figures that evidence it and the gaps, said plainly. Printable to PDF from the browser.
 */
@Hidden
@Controller(value = "/dashboard/councils/{council}/evidence", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EvidencePackController {

    private final CouncilAccess access;
    private final PublicResultsService published;
    private final CustomerInsightEvidence insight;
    private final TimelinessEvidence timeliness;
    private final MessageSource messages;

    EvidencePackController(CouncilAccess access, PublicResultsService published, CustomerInsightEvidence insight,
                           TimelinessEvidence timeliness, MessageSource messages) {
        this.access = access;
        this.published = published;
        this.insight = insight;
        this.timeliness = timeliness;
        this.messages = messages;
    }

    /**
     * @param from first day of the period (YYYY-MM-DD); with {@code to}, or neither for the last twelve complete months
     * @param to   last day of the period
     */
    @Get
    public ModelAndView<Map<String, Object>> pack(HttpRequest<?> request, @PathVariable String council, @Nullable @QueryValue String from,
                                                  @Nullable @QueryValue String to, Authentication who) {
        access.requireReadable(who, council);
        ReportingPeriod period = ReportingPeriod.parse(blankToNull(from), blankToNull(to));
        boolean welsh = LanguageLocaleResolver.welsh(request);
        Wording w = new Wording(messages, LanguageLocaleResolver.language(request));
        String publicPage = "/public/councils/" + council + "?from=" + period.from() + "&to=" + period.to() + (welsh ? "&lang=cy" : "");
        List<EvidenceElement> elements = new ArrayList<>(insight.elements(council, period, w, publicPage));
        elements.addAll(timeliness.elements(council, period, w, welsh, publicPage));
        elements.sort((a, b) -> compareCodes(a.code(), b.code()));
        Map<String, Object> model = Pages.model(request, who);
        model.put("council", council);
        model.put("councilName", published.councilName(council));
        model.put("period", period);
        model.put("elements", elements);
        model.put("gaps", elements.stream().filter(e -> !e.gaps().isEmpty()).toList());
        model.put("csrfToken", null);
        return new ModelAndView<>("evidence/pack", model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** "1.3.2" before "1.3.10": numerically, part by part. */
    static int compareCodes(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
