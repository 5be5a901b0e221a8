package uk.civicpulse.contactimport;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place ({@code \r}) on a terminal, at most ten times a second:
 * {@code [#########-----------]  45%  450,000 rows  112,300 rows/s  12 rejected}. Where the output is not a terminal
 * (a log file, CI), one plain line per 10%.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private int lastTenth = -1;

    ProgressBar(PrintStream out, boolean terminal, long total) {
        this.out = out;
        this.terminal = terminal;
        this.total = Math.max(1, total);
    }

    void update(long done, long rows, long rejected) {
        long now = System.nanoTime();
        int tenth = (int) (10 * Math.min(done, total) / total);
        if (terminal ? now - lastDrawn < 100_000_000L : tenth == lastTenth) {
            return;
        }
        lastDrawn = now;
        lastTenth = tenth;
        draw(done, rows, rejected, now);
    }

    void finish(long rows, long rejected) {
        draw(total, rows, rejected, System.nanoTime());
        if (terminal) {
            out.println();
        }
    }

    static String line(double fraction, long rows, double seconds, long rejected) {
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = seconds > 0 ? rows / seconds : 0;
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%  %,d rows  %,.0f rows/s  %,d rejected", Math.round(fraction * 100), rows, rate, rejected);
    }

    private void draw(long done, long rows, long rejected, long now) {
        String line = line(Math.min(1.0, (double) done / total), rows, (now - started) / 1e9, rejected);
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }
}
