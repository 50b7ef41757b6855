package dev.corral.e2e.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's figures against their targets, as Markdown for people and JSON for tools. */
final class Report {

    /**
     * One measured figure.
     *
     * @param target  null where the issue sets none (shown for context)
     * @param met     null where there is no target
     * @param values  the numbers behind {@code measured}, for the JSON
     */
    record Figure(String section, String key, String label, String target, String measured, Boolean met, String note,
            Map<String, Object> values) {
    }

    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Object> fleet = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final long began = System.nanoTime();

    void machine(String key, Object value) {
        machine.put(key, value);
    }

    void fleet(String key, Object value) {
        fleet.put(key, value);
    }

    void note(String text) {
        notes.add(text);
    }

    void add(Figure figure) {
        figures.add(figure);
        long seconds = (System.nanoTime() - began) / 1_000_000_000L;
        System.out.println(String.format(Locale.ROOT, "[fleet-benchmark %d:%02d] ", seconds / 60, seconds % 60) + figure.label() + ": " + figure.measured()
                + (figure.met() == null ? "" : figure.met() ? " (met)" : " (MISSED; target " + figure.target() + ")"));
    }

    List<Figure> figures() {
        return figures;
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("fleet-benchmark.md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("fleet", fleet);
        json.put("figures", figures);
        json.put("notes", notes);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(folder.resolve("fleet-benchmark.json"), mapper.writeValueAsString(json) + "\n");
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Fleet benchmark\n\n");
        md.append("Written by `FleetBenchmark` (e2e-tests/src/test/java/dev/corral/e2e/fleet/); see the README for the command.\n\n");
        md.append("## Machine\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Fleet\n\n");
        fleet.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        String section = null;
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                md.append("\n## ").append(section).append("\n\n| figure | target | measured | met |\n|---|---|---|---|\n");
            }
            md.append("| ").append(f.label()).append(f.note() == null ? "" : " (" + f.note() + ")").append(" | ")
                    .append(f.target() == null ? "—" : f.target()).append(" | ").append(f.measured()).append(" | ")
                    .append(f.met() == null ? "—" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    static String millis(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f ms", value) : String.format(Locale.ROOT, "%.1f ms", value);
    }
}
