package io.github.hpo4j.examples.cli;

import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.study.TrialCallback;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a run on standard error, after each trial: trials done of planned, best value so
 * far, elapsed time and the time left at the pace so far. On a terminal one line redrawn in place
 * (a bar); otherwise one line per trial.
 */
final class ProgressLine implements TrialCallback {

    private static final int WIDTH = 24;

    private final PrintStream err;
    private final int planned;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int done;
    private double best = Double.NaN;

    ProgressLine(PrintStream err, int planned, boolean terminal) {
        this.err = err;
        this.planned = planned;
        this.terminal = terminal;
    }

    /** The progress printer a command's --quiet and --progress ask for, or null for none. */
    static ProgressLine of(PrintStream err, int planned, boolean quiet, boolean forced) {
        boolean terminal = System.console() != null;
        return quiet || !(terminal || forced) ? null : new ProgressLine(err, planned, terminal);
    }

    @Override
    public synchronized void afterTrial(Study study, TrialRecord trial) {
        done++;
        if (trial.state() == TrialState.COMPLETE && !study.isMultiObjective()) {
            double v = trial.value();
            if (Double.isNaN(best) || study.directions().get(0).isBetter(v, best)) {
                best = v;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = done > 0 ? elapsed / done * Math.max(0, planned - done) : 0;
        String text = String.format(Locale.ROOT, "%d/%d trials, best %s, %.1f s elapsed, about %.1f s left", done,
                planned, Double.isNaN(best) ? "-" : String.format(Locale.ROOT, "%.4g", best), elapsed, eta);
        if (terminal) {
            int filled = planned > 0 ? (int) Math.round(WIDTH * (double) Math.min(done, planned) / planned) : WIDTH;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + text + "   ");
            if (done >= planned) {
                err.println();
            }
        } else {
            err.println(text);
        }
        err.flush();
    }
}
