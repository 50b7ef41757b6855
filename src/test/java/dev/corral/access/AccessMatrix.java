package dev.corral.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access matrix as a Markdown table (src/test/resources/access-matrix.md): one row per request
 * (an endpoint or a console route, with the path and body actually sent), one column per caller,
 * each cell the status that caller must get. Kept as text so that a change of the access rules is
 * a reviewable diff of this one file; {@link #write} renders observed outcomes in the same shape.
 */
final class AccessMatrix {

    static final String ROUTE = "ROUTE";

    /** One request of the table: {@code endpoint} is "METHOD /pattern" or "ROUTE pattern". */
    record Row(String endpoint, String path, String body, Map<String, String> expected) {

        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }

        boolean route() {
            return method().equals(ROUTE);
        }
    }

    final List<String> preamble;
    final List<String> callers;
    final List<Row> rows;

    private AccessMatrix(List<String> preamble, List<String> callers, List<Row> rows) {
        this.preamble = preamble;
        this.callers = callers;
        this.rows = rows;
    }

    static AccessMatrix read(String text) {
        List<String> preamble = new ArrayList<>();
        List<String> callers = null;
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("|")) {
                if (callers == null) {
                    preamble.add(line);
                }
                continue;
            }
            List<String> cells = cells(line);
            if (callers == null) {
                if (!cells.subList(0, 3).equals(List.of("endpoint", "path", "body"))) {
                    throw new IllegalArgumentException("The table's header must start with endpoint | path | body: " + line);
                }
                callers = List.copyOf(cells.subList(3, cells.size()));
            } else if (!cells.get(0).startsWith("---")) {
                if (cells.size() != callers.size() + 3) {
                    throw new IllegalArgumentException("Row has " + cells.size() + " cells, the header " + (callers.size() + 3)
                            + ": " + line);
                }
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 0; i < callers.size(); i++) {
                    expected.put(callers.get(i), cells.get(i + 3));
                }
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), expected));
            }
        }
        if (callers == null) {
            throw new IllegalArgumentException("The access matrix has no table.");
        }
        return new AccessMatrix(preamble, callers, rows);
    }

    /** The same table with {@code observed} outcomes (row index, caller) and extra rows appended. */
    void write(Path file, Map<Integer, Map<String, String>> observed, List<Row> extra) {
        List<String> lines = new ArrayList<>(preamble);
        lines.add(line(concat(List.of("endpoint", "path", "body"), callers)));
        lines.add(line(concat(List.of("---", "---", "---"), callers.stream().map(c -> "---").toList())));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Map<String, String> seen = observed.getOrDefault(i, Map.of());
            lines.add(line(concat(List.of(row.endpoint(), row.path(), row.body()),
                    callers.stream().map(c -> seen.getOrDefault(c, "?")).toList())));
        }
        for (Row row : extra) {
            lines.add(line(concat(List.of(row.endpoint(), row.path(), row.body()),
                    callers.stream().map(c -> row.expected().getOrDefault(c, "?")).toList())));
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
