package io.github.hpo4j.core.space;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * The warning that a range's high end is not on its step grid: logged once per parameter and
 * range, with the parameter's name when the range is built inside {@link ParamNames#named}.
 */
final class GridWarnings {

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    /** Bounded, so that a program building ever-new ranges cannot grow it without end. */
    private static final int MAX_KEYS = 10_000;

    private GridWarnings() {
    }

    static void warnOnce(Logger log, String kind, Object low, Object high, Object step, Object adjusted) {
        String name = ParamNames.current();
        String key = name + "|" + kind + "|" + low + "|" + high + "|" + step;
        if (WARNED.size() < MAX_KEYS && !WARNED.add(key)) {
            return;
        }
        log.warn("{}high ({}) is not on the step grid from low ({}) by {}; using {}",
                name == null ? "" : name + ": ", high, low, step, adjusted);
    }
}
