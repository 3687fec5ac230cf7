package io.github.hpo4j.core.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trial records as CSV: one row per trial, one column per parameter and per metric.
 *
 * <p>Written columns: {@code number, state, value} (or {@code values_<i>} for several
 * objectives), {@code params_<name>}, {@code metrics_<name>}, {@code attrs_<name>},
 * {@code start, complete, duration_s, failure}.
 *
 * <p>On reading, the same prefixes are recognised, and so is a plain spreadsheet of past
 * experiments: every unprefixed column is a parameter unless it is named as a metric in
 * {@code metricColumns} (or is one of {@code number, state, value, start, complete, duration_s,
 * failure}). An empty cell means "not set" (a conditional parameter, a missing metric).
 * Distributions are inferred per parameter column: all integers give an {@link IntDistribution}
 * over the observed range, all numbers a {@link FloatDistribution}, anything else a
 * {@link CategoricalDistribution} over the observed strings in order of appearance.
 *
 * <pre>{@code
 * List<TrialRecord> past = TrialsCsv.read(Files.newBufferedReader(Path.of("history.csv")),
 *                                         Set.of("recall@100", "rmse"));
 * }</pre>
 *
 * <p>Stability: stable.
 */
public final class TrialsCsv {

    private static final Set<String> RESERVED = Set.of("number", "state", "value", "start", "complete",
            "duration_s", "failure");

    private TrialsCsv() {
    }

    /**
     * Writes trials as CSV with a header row.
     *
     * @param trials the trials
     * @param out    where to write; not closed
     * @throws UncheckedIOException if writing fails
     */
    public static void write(List<TrialRecord> trials, Writer out) {
        Set<String> params = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        Set<String> attrs = new LinkedHashSet<>();
        int nValues = 0;
        for (TrialRecord t : trials) {
            params.addAll(t.params().keySet());
            metrics.addAll(t.metrics().keySet());
            attrs.addAll(t.attributes().keySet());
            nValues = Math.max(nValues, t.values().size());
        }
        List<String> header = new ArrayList<>(List.of("number", "state"));
        if (nValues == 1) {
            header.add("value");
        } else {
            for (int i = 0; i < nValues; i++) {
                header.add("values_" + i);
            }
        }
        params.forEach(p -> header.add("params_" + p));
        metrics.forEach(m -> header.add("metrics_" + m));
        attrs.forEach(a -> header.add("attrs_" + a));
        header.addAll(List.of("start", "complete", "duration_s", "failure"));
        try {
            writeRow(out, header);
            for (TrialRecord t : trials) {
                List<String> row = new ArrayList<>(header.size());
                row.add(Integer.toString(t.number()));
                row.add(t.state().name());
                for (int i = 0; i < Math.max(nValues, 0); i++) {
                    row.add(i < t.values().size() ? num(t.values().get(i)) : "");
                }
                params.forEach(p -> row.add(t.params().containsKey(p) ? String.valueOf(t.params().get(p)) : ""));
                metrics.forEach(m -> row.add(t.metrics().containsKey(m) ? num(t.metrics().get(m)) : ""));
                attrs.forEach(a -> row.add(t.attributes().containsKey(a) ? String.valueOf(t.attributes().get(a)) : ""));
                row.add(t.start().map(Instant::toString).orElse(""));
                row.add(t.complete().map(Instant::toString).orElse(""));
                row.add(t.start().isPresent() && t.complete().isPresent()
                        ? num((t.complete().get().toEpochMilli() - t.start().get().toEpochMilli()) / 1000.0) : "");
                row.add(t.failure().orElse(""));
                writeRow(out, row);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write('\n');
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Reads CSV rows: see the class description for how columns are interpreted.
     *
     * @param in            where to read from; not closed
     * @param metricColumns unprefixed columns that hold metrics rather than parameters
     * @return the trials, numbered by the {@code number} column or by row order
     * @throws IllegalArgumentException on a malformed file, naming the line
     */
    public static List<TrialRecord> read(Reader in, Set<String> metricColumns) {
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(in)) {
            while (it.hasNextValue()) {
                long line = it.getCurrentLocation().getLineNr();
                String[] row;
                try {
                    row = it.nextValue();
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("input: line " + line + ": " + e.getMessage(), e);
                }
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                rows.add(row);
                lines.add(line);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("input: malformed CSV: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("input: no header row");
        }
        String[] header = rows.get(0);
        if (header.length > 0 && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1); // a byte-order mark, as spreadsheets write
        }
        for (int c = 0; c < header.length; c++) {
            header[c] = header[c].trim();
            if (header[c].isEmpty()) {
                throw new IllegalArgumentException("input: line 1: column " + (c + 1) + " has no name");
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String h : header) {
            if (!seen.add(h)) {
                throw new IllegalArgumentException("input: line 1: column '" + h + "' appears twice");
            }
        }
        Map<Integer, String> paramCols = new LinkedHashMap<>();
        Map<Integer, String> metricCols = new LinkedHashMap<>();
        Map<Integer, String> attrCols = new LinkedHashMap<>();
        Map<Integer, Integer> valueCols = new LinkedHashMap<>();
        int numberCol = -1;
        int stateCol = -1;
        int failureCol = -1;
        int startCol = -1;
        int completeCol = -1;
        for (int c = 0; c < header.length; c++) {
            String h = header[c];
            if (h.startsWith("params_")) {
                paramCols.put(c, h.substring(7));
            } else if (h.startsWith("metrics_")) {
                metricCols.put(c, h.substring(8));
            } else if (h.startsWith("attrs_")) {
                attrCols.put(c, h.substring(6));
            } else if (h.startsWith("values_")) {
                int i;
                try {
                    i = Integer.parseInt(h.substring(7));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("input: line 1: column '" + h + "': values_ needs an index");
                }
                valueCols.put(c, i);
            } else if (metricColumns.contains(h)) {
                metricCols.put(c, h);
            } else if (h.equals("value")) {
                valueCols.put(c, 0);
            } else if (h.equals("number")) {
                numberCol = c;
            } else if (h.equals("state")) {
                stateCol = c;
            } else if (h.equals("failure")) {
                failureCol = c;
            } else if (h.equals("start")) {
                startCol = c;
            } else if (h.equals("complete")) {
                completeCol = c;
            } else if (!RESERVED.contains(h)) {
                paramCols.put(c, h);
            }
        }
        if (!valueCols.isEmpty()) {
            java.util.TreeSet<Integer> indices = new java.util.TreeSet<>(valueCols.values());
            if (indices.first() != 0 || indices.last() != indices.size() - 1 || indices.size() != valueCols.size()) {
                throw new IllegalArgumentException("input: line 1: objective value columns " + indices
                        + " must be value, or values_0 .. values_k once each");
            }
        }
        for (String m : metricColumns) {
            if (!metricCols.containsValue(m) && !seen.contains(m)) {
                throw new IllegalArgumentException("metricColumns: no column '" + m + "' in the header " + seen);
            }
        }
        Map<Integer, Distribution> dists = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : paramCols.entrySet()) {
            dists.put(e.getKey(), infer(rows, e.getKey()));
        }
        List<TrialRecord> out = new ArrayList<>(rows.size() - 1);
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            long line = lines.get(r);
            if (row.length != header.length) {
                throw new IllegalArgumentException("input: line " + line + ": " + row.length + " cells, header has "
                        + header.length);
            }
            try {
                int number = numberCol >= 0 && !row[numberCol].isBlank() ? Integer.parseInt(row[numberCol].trim()) : r - 1;
                TrialRecord.Builder b = TrialRecord.builder(number);
                if (stateCol >= 0 && !row[stateCol].isBlank()) {
                    b.state(TrialState.valueOf(row[stateCol].trim().toUpperCase(java.util.Locale.ROOT)));
                }
                for (Map.Entry<Integer, String> e : paramCols.entrySet()) {
                    String cell = row[e.getKey()].trim();
                    if (!cell.isEmpty()) {
                        Distribution d = dists.get(e.getKey());
                        b.param(e.getValue(), d, parseFor(d, cell));
                    }
                }
                for (Map.Entry<Integer, String> e : metricCols.entrySet()) {
                    String cell = row[e.getKey()].trim();
                    if (!cell.isEmpty()) {
                        b.metric(e.getValue(), parseDouble(e.getValue(), cell));
                    }
                }
                for (Map.Entry<Integer, String> e : attrCols.entrySet()) {
                    String cell = row[e.getKey()];
                    if (!cell.isEmpty()) {
                        b.attribute(e.getValue(), cell);
                    }
                }
                double[] byIndex = new double[valueCols.size()];
                int present = 0;
                for (Map.Entry<Integer, Integer> e : valueCols.entrySet()) {
                    String cell = row[e.getKey()].trim();
                    if (!cell.isEmpty()) {
                        byIndex[e.getValue()] = parseDouble(header[e.getKey()], cell);
                        present++;
                    }
                }
                if (present != 0 && present != byIndex.length) {
                    throw new IllegalArgumentException(present + " of " + byIndex.length + " objective values are set");
                }
                b.values(present == 0 ? new double[0] : byIndex);
                if (failureCol >= 0 && !row[failureCol].isEmpty()) {
                    b.failure(row[failureCol]);
                }
                if (startCol >= 0 && !row[startCol].isBlank()) {
                    b.start(Instant.parse(row[startCol].trim()));
                }
                if (completeCol >= 0 && !row[completeCol].isBlank()) {
                    b.complete(Instant.parse(row[completeCol].trim()));
                }
                out.add(b.build());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("input: line " + line + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static double parseDouble(String column, String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": '" + cell + "' is not a number");
        }
    }

    private static Object parseFor(Distribution d, String cell) {
        if (d instanceof IntDistribution) {
            return Integer.parseInt(cell);
        }
        if (d instanceof FloatDistribution) {
            return Double.parseDouble(cell);
        }
        return cell;
    }

    private static Distribution infer(List<String[]> rows, int col) {
        boolean allInt = true;
        boolean allNum = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        Set<String> distinct = new LinkedHashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            if (col >= rows.get(r).length) {
                continue;
            }
            String cell = rows.get(r)[col].trim();
            if (cell.isEmpty()) {
                continue;
            }
            distinct.add(cell);
            if (allNum) {
                try {
                    double v = Double.parseDouble(cell);
                    if (!Double.isFinite(v)) {
                        allNum = false;
                        allInt = false;
                        continue;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    if (allInt) {
                        try {
                            Integer.parseInt(cell);
                        } catch (NumberFormatException e) {
                            allInt = false;
                        }
                    }
                } catch (NumberFormatException e) {
                    allNum = false;
                    allInt = false;
                }
            }
        }
        if (distinct.isEmpty()) {
            return CategoricalDistribution.of("");
        }
        if (allInt) {
            return IntDistribution.of((int) min, (int) max);
        }
        if (allNum) {
            return FloatDistribution.of(min, max);
        }
        return new CategoricalDistribution(new ArrayList<>(distinct));
    }
}
