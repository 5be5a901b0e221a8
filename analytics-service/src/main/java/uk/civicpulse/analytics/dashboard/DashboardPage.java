package uk.civicpulse.analytics.dashboard;

import java.util.List;

/**
 * What one dashboard page shows: its sentences (a test's verdict, the method) and its tables, each drawn as a chart
 * where it has one. Built by a {@link PageFigures} from the statistics behind the JSON API.
 *
 * @param notes  sentences above the tables: verdicts first, then how the figures were made
 * @param tables the tables in page order; the first is the page's main table (and the default CSV)
 */
public record DashboardPage(List<String> notes, List<DataTable> tables) {
}
