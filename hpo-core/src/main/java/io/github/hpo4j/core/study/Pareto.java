package io.github.hpo4j.core.study;

import io.github.hpo4j.core.trial.TrialRecord;
import java.util.ArrayList;
import java.util.List;

/** Non-domination among trials with several objective values. */
final class Pareto {

    private Pareto() {
    }

    /** Whether {@code a} dominates {@code b}: no worse in every objective, better in one. */
    static boolean dominates(List<Double> a, List<Double> b, List<Direction> directions) {
        boolean better = false;
        for (int i = 0; i < directions.size(); i++) {
            double x = directions.get(i).toMinimized(a.get(i));
            double y = directions.get(i).toMinimized(b.get(i));
            if (x > y) {
                return false;
            }
            if (x < y) {
                better = true;
            }
        }
        return better;
    }

    static List<TrialRecord> front(List<TrialRecord> trials, List<Direction> directions) {
        List<TrialRecord> out = new ArrayList<>();
        for (TrialRecord t : trials) {
            boolean dominated = false;
            for (TrialRecord o : trials) {
                if (o != t && dominates(o.values(), t.values(), directions)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }
}
