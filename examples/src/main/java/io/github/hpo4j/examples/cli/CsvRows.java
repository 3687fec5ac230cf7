package io.github.hpo4j.examples.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CSV rows as RFC 4180 writes them (quoted cells, CRLF), each with the line it starts on. */
final class CsvRows {

    /** One row and its line in the file, from 1. */
    record Row(long line, String[] cells) {
    }

    private CsvRows() {
    }

    /**
     * @param file the file, for messages
     * @param text its text
     * @return the rows, the header first
     * @throws IllegalArgumentException if the text is not CSV, naming the file and line
     */
    static List<Row> parse(Path file, String text) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Row> rows = new ArrayList<>();
        long line = 1;
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(new StringReader(text))) {
            while (true) {
                line = it.getCurrentLocation().getLineNr() <= 0 ? line : it.getCurrentLocation().getLineNr();
                if (!it.hasNextValue()) {
                    break;
                }
                long start = Math.max(1, it.getCurrentLocation().getLineNr());
                rows.add(new Row(start, it.nextValue()));
            }
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            int nl = m.indexOf('\n');
            throw new IllegalArgumentException(file + ": line " + line + ": not valid CSV ("
                    + (nl < 0 ? m : m.substring(0, nl)) + ")");
        }
        return rows;
    }
}
