package uk.civicpulse.analytics.comments;

import uk.civicpulse.analytics.web.CsvWriter;

import java.util.Arrays;
import java.util.List;

/** Comments as CSV, one row each; CsvWriter defuses any cell a spreadsheet would run as a formula. */
final class CommentCsv {

    private CommentCsv() {
    }

    static String of(List<Comment> comments) {
        CsvWriter csv = new CsvWriter().row(List.of("id", "rated_on", "service", "channel", "touchpoint", "scale", "score", "reasons", "comment", "agent_entered"));
        comments.forEach(c -> csv.row(Arrays.asList(c.id(), c.ratedOn(), c.service(), c.channel(), c.touchpoint(), c.scale(),
                c.score(), String.join(";", c.reasons()), c.comment(), c.agentEntered())));
        return csv.toString();
    }
}
