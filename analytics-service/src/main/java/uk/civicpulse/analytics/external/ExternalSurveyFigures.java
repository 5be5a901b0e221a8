package uk.civicpulse.analytics.external;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.stats.TrendResult;
import uk.civicpulse.analytics.trends.TrendReport;

import java.util.List;

/** An external survey wave with the same statistics the platform's own ratings get. */
@Serdeable
public record ExternalSurveyFigures(ExternalSurvey survey, Figure estimate, @Nullable TargetFigure target, List<GroupFigure> groups) {

    /**
     * % satisfied with its 95% Wilson interval.
     *
     * @param label "too few responses" below the minimum n
     */
    @Serdeable
    public record Figure(long n, long satisfied, @Nullable Double proportion, @Nullable Double lower, @Nullable Double upper,
                         @Nullable Double marginOfError, String metric, String method, double confidenceLevel, @Nullable String label) {
    }

    /** The wave against its target: as GET .../targets/status judges the platform's own figures. */
    @Serdeable
    public record TargetFigure(double target, String status, double probabilityAtOrAbove, @Nullable Long moreResponsesNeeded,
                               String probabilityMethod) {
    }

    @Serdeable
    public record GroupFigure(String question, String answer, Figure estimate) {
    }

    /** Every wave of the council's external surveys, and per title the change and trend across its waves. */
    @Serdeable
    public record Listing(String council, List<ExternalSurveyFigures> surveys, List<Waves> trends) {
    }

    /**
     * @param title  the survey
     * @param waves  how many waves it has
     * @param change the last wave against the one before (Newcombe); null with one wave
     * @param trend  Cochran-Armitage across the waves in order of fieldwork
     */
    @Serdeable
    public record Waves(String title, int waves, @Nullable TrendReport.Change change, TrendResult trend) {
    }
}
