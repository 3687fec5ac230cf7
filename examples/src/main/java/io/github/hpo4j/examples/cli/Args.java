package io.github.hpo4j.examples.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --key value} options and {@code --flag} switches; anything else is positional. */
final class Args {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    /**
     * @param argv      the words
     * @param flagNames options that take no value
     * @throws IllegalArgumentException if an option lacks its value
     */
    Args(List<String> argv, Set<String> flagNames) {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("--")) {
                String key = a.substring(2);
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    options.put(key.substring(0, eq), key.substring(eq + 1));
                } else if (flagNames.contains(key)) {
                    flags.add(key);
                } else {
                    if (i + 1 >= argv.size()) {
                        throw new IllegalArgumentException("--" + key + " needs a value");
                    }
                    options.put(key, argv.get(++i));
                }
            } else {
                positional.add(a);
            }
        }
    }

    String get(String key, String fallback) {
        used.add(key);
        return options.getOrDefault(key, fallback);
    }

    String require(String key) {
        used.add(key);
        String v = options.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    int getInt(String key, int fallback) {
        String v = get(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": '" + v + "' is not an integer");
        }
    }

    double getDouble(String key, double fallback) {
        String v = get(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": '" + v + "' is not a number");
        }
    }

    boolean flag(String key) {
        used.add(key);
        return flags.contains(key);
    }

    List<String> positional() {
        return positional;
    }

    /** @throws IllegalArgumentException if an option was given that no one asked for */
    void requireAllUsed() {
        for (String k : options.keySet()) {
            if (!used.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
        for (String k : flags) {
            if (!used.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
    }
}
