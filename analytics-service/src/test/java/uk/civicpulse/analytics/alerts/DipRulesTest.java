package uk.civicpulse.analytics.alerts;

import org.junit.jupiter.api.Test;
import uk.civicpulse.analytics.stats.PChart;
import uk.civicpulse.analytics.trends.PeriodCounts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each Making Data Count rule broken on the low side raises one dip alert, and on the high side one improvement
 * alert, named by its rule, and the same breach seen
 * again (another evaluation, or the run growing by a month) has the same key, so it is stored once. Baseline: 12
 * months of 90 of 100 satisfied, so the centre is 0.9, sigma for n = 100 is 0.03, limits 0.81-0.99, 2 sigma 0.84-0.96.
 */
class DipRulesTest {

    static final LocalDate START = LocalDate.of(2024, 1, 1);

    /** The baseline months then one month per given count of satisfied (n = 100 each). */
    static List<PeriodCounts> series(long... satisfiedAfterBaseline) {
        List<PeriodCounts> series = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            series.add(month(i, 90, 100));
        }
        for (long s : satisfiedAfterBaseline) {
            series.add(month(series.size(), s, 100));
        }
        return series;
    }

    static PeriodCounts month(int index, long satisfied, long n) {
        LocalDate from = START.plusMonths(index);
        return new PeriodCounts(from, from.plusMonths(1).minusDays(1), satisfied, n);
    }

    static List<Alert.Candidate> all(List<PeriodCounts> series) {
        return DipRules.candidates("northmoor", "libraries", "web", series, 12, 2);
    }

    /** The dips (low side) only. */
    static List<Alert.Candidate> alerts(List<PeriodCounts> series) {
        return all(series).stream().filter(a -> a.kind().equals(Alert.DIP)).toList();
    }

    static List<Alert.Candidate> improvements(List<PeriodCounts> series) {
        return all(series).stream().filter(a -> a.kind().equals(Alert.IMPROVEMENT)).toList();
    }

    @Test
    void aMonthBelowTheLowerLimitRaisesOneAlertNamingThePointBeyondTheLimits() {
        List<Alert.Candidate> alerts = alerts(series(90, 70));
        assertEquals(1, alerts.size(), alerts.toString());
        Alert.Candidate a = alerts.get(0);
        assertEquals(PChart.BEYOND_LIMITS, a.rule());
        assertEquals(Alert.DIP, a.kind());
        assertEquals(0.70, a.figure(), 1e-12);
        assertEquals(100, a.n());
        // R: 0.9 - 3 * sqrt(0.9 * 0.1 / 100) = 0.81
        assertEquals(0.81, a.threshold(), 1e-12);
        assertTrue(a.lower() < 0.70 && a.upper() > 0.70);
        assertEquals(LocalDate.of(2025, 2, 1), a.periodFrom());
    }

    @Test
    void sevenMonthsBelowTheCentreRaiseOneShiftAlertAndAnEighthMonthKeepsItsKey() {
        List<Alert.Candidate> seven = alerts(series(85, 85, 85, 85, 85, 85, 85));
        assertEquals(List.of(PChart.SHIFT), seven.stream().map(Alert.Candidate::rule).toList());
        List<Alert.Candidate> eight = alerts(series(85, 85, 85, 85, 85, 85, 85, 85));
        assertEquals(1, eight.size());
        assertEquals(seven.get(0).key(), eight.get(0).key(), "a run that grows is the same breach");
    }

    @Test
    void sevenMonthsEachLowerThanTheLastRaiseOneTrendAlert() {
        // all above the centre and within 2 sigma but the first two: a falling trend, and only good-news rules besides
        List<PeriodCounts> s = series(98, 97, 95, 94, 93, 92, 91);
        List<Alert.Candidate> alerts = alerts(s);
        assertEquals(List.of(PChart.TREND), alerts.stream().map(Alert.Candidate::rule).toList(), alerts.toString());
        // the seven months above the centre are a shift up all the same (the two near the upper limit are old news)
        assertEquals(List.of(PChart.SHIFT), improvements(s).stream().map(Alert.Candidate::rule).toList());
    }

    @Test
    void twoOfThreeMonthsCloseToTheLowerLimitRaiseOneAlert() {
        List<Alert.Candidate> alerts = alerts(series(83, 89, 83));
        assertEquals(List.of(PChart.TWO_OF_THREE), alerts.stream().map(Alert.Candidate::rule).toList(), alerts.toString());
    }

    @Test
    void evaluatingTheSameChartAgainGivesTheSameKeysSoEachBreachIsStoredOnce() {
        List<PeriodCounts> s = series(85, 85, 85, 85, 85, 85, 70);
        List<String> first = alerts(s).stream().map(Alert.Candidate::key).toList();
        List<String> again = alerts(s).stream().map(Alert.Candidate::key).toList();
        assertEquals(first, again);
        assertEquals(first.size(), first.stream().distinct().count(), "one key per breach: " + first);
    }

    @Test
    void oldHistoryAndCommonCauseVariationRaiseNothing() {
        assertTrue(all(series(70, 90, 90, 90)).isEmpty(), "a dip three months ago is on the chart, not a new alert");
        assertTrue(all(series(100, 90, 90, 90)).isEmpty(), "nor is a rise three months ago");
        assertTrue(all(series(90, 91, 89, 90)).isEmpty(), "common-cause variation");
    }

    @Test
    void aMonthAboveTheUpperLimitRaisesOneImprovementJudgedAgainstTheUpperLimitAndNoDip() {
        List<Alert.Candidate> all = all(series(90, 100));
        assertEquals(1, all.size(), all.toString());
        Alert.Candidate a = all.get(0);
        assertEquals(Alert.IMPROVEMENT, a.kind());
        assertEquals(PChart.BEYOND_LIMITS, a.rule());
        assertEquals(1.0, a.figure(), 1e-12);
        // R: 0.9 + 3 * sqrt(0.9 * 0.1 / 100) = 0.99
        assertEquals(0.99, a.threshold(), 1e-12);
        assertEquals("Satisfaction rose above the upper control limit", a.summary());
        assertTrue(a.key().startsWith("improvement|northmoor|libraries|web|point_beyond_limits|high|"), a.key());
    }

    @Test
    void eachHighSideRuleRaisesAnImprovementOncePerBreachWordedAsARise() {
        List<Alert.Candidate> shift = improvements(series(95, 95, 95, 95, 95, 95, 95));
        assertEquals(List.of(PChart.SHIFT), shift.stream().map(Alert.Candidate::rule).toList(), shift.toString());
        assertEquals("7 months in a row above the baseline", shift.get(0).summary());
        assertEquals(shift.get(0).key(), improvements(series(95, 95, 95, 95, 95, 95, 95, 95)).get(0).key(),
                "a run that grows is the same improvement");
        // rising from below the centre to above it: a rising trend (and no shift: it crosses the centre line)
        List<Alert.Candidate> trend = improvements(series(84, 85, 87, 89, 91, 93, 95));
        assertEquals(List.of(PChart.TREND), trend.stream().map(Alert.Candidate::rule).toList(), trend.toString());
        assertEquals("7 months in a row each higher than the one before", trend.get(0).summary());
        List<Alert.Candidate> nearUpper = improvements(series(97, 91, 97));
        assertEquals(List.of(PChart.TWO_OF_THREE), nearUpper.stream().map(Alert.Candidate::rule).toList(), nearUpper.toString());
        assertTrue(alerts(series(95, 95, 95, 95, 95, 95, 95)).isEmpty(), "a rise is never a dip");
    }

    @Test
    void noBaselineResponsesMeansNoLimitsAndNoAlerts() {
        List<PeriodCounts> empty = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            empty.add(month(i, 0, 0));
        }
        empty.add(month(12, 10, 100));
        assertTrue(DipRules.candidates("northmoor", "libraries", "web", empty, 12, 2).isEmpty());
    }
}
