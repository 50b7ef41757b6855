package dev.corral.e2e.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The VM list through the REST API: the first page, a filtered page and a deep page, as an
 * administrator (sees everything) and as a delegated administrator (sees HQ only: the visibility
 * filter is the expensive path), at 1 and 16 concurrent clients, signed in with personal API
 * tokens (one per client); and the first page with HTTP Basic, which binds to the directory on
 * every call.
 */
final class ApiScenarios {

    static final String SECTION = "API: GET /api/v1/vms";
    static final String FILTER = "q=web&state=RUNNING&owner=user042";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 16;

    private final ApiLoad api;
    private final Report report;
    private final LongSupplier statementCount;
    private final int requests1 = Integer.getInteger("benchmark.api.requests1", 60);
    private final int requests16 = Integer.getInteger("benchmark.api.requests16", 15);
    private final List<String> profiles = new ArrayList<>();

    /** @param statementCount the JDBC statements Hibernate has prepared so far (its statistics) */
    ApiScenarios(ApiLoad api, Report report, LongSupplier statementCount) {
        this.api = api;
        this.report = report;
        this.statementCount = statementCount;
    }

    void run() throws Exception {
        for (String user : List.of("admin", "hq-admin")) {
            String basic = basic(user);
            List<String> tokens = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String created = api.post("/api/v1/tokens", basic, "{\"name\":\"fleet-benchmark-" + c + "\",\"expiresInDays\":1}");
                tokens.add("Bearer " + JSON.readTree(created).get("value").asString());
            }
            long total = total("/api/v1/vms?size=50", tokens.getFirst());
            long filtered = total("/api/v1/vms?size=50&" + FILTER, tokens.getFirst());
            int pages = (int) Math.ceil(total / 50.0);
            int deepLast = Math.min(pages - 1, (int) (0.9 * pages));
            int deepFirst = Math.max(0, deepLast - 19);
            report.fleet("VMs visible to " + user, String.format(Locale.ROOT, "%,d (filter %s: %,d)", total, FILTER, filtered));
            // The filtered and deep-page calls vary their parameters (200 owners, 20 pages), as different callers would:
            // H2 reuses the result of a query repeated with the same parameters while its tables are unchanged.
            measure(user, "first page", "/api/v1/vms?size=50", n -> "/api/v1/vms?size=50", "API token",
                    c -> tokens.get(c % tokens.size()), 50);
            measure(user, "filtered (" + FILTER.replace("042", "NNN") + ", 200 owners in turn)", "/api/v1/vms?size=50&" + FILTER,
                    n -> "/api/v1/vms?size=50&" + FILTER.replace("042", String.format(Locale.ROOT, "%03d", (n * 37) % 200)),
                    "API token", c -> tokens.get(c % tokens.size()), 100);
            measure(user, "deep page (pages " + deepFirst + "–" + deepLast + " of " + pages + ")",
                    "/api/v1/vms?size=50&page=" + deepLast,
                    n -> "/api/v1/vms?size=50&page=" + (deepFirst + n % (deepLast - deepFirst + 1)),
                    "API token", c -> tokens.get(c % tokens.size()), 50);
            measure(user, "first page", "/api/v1/vms?size=50", n -> "/api/v1/vms?size=50", "HTTP Basic", c -> basic, 50);
            profile(user + ", first page, API token", "/api/v1/vms?size=50", tokens.getFirst());
            profile(user + ", first page, HTTP Basic", "/api/v1/vms?size=50", basic);
        }
        profiles.forEach(p -> report.note("Profile of " + p));
    }

    private void measure(String user, String query, String path, IntFunction<String> paths, String auth,
            IntFunction<String> authorization, double targetP95) throws InterruptedException {
        api.run(paths, authorization, 1, 10, Duration.ofSeconds(5)); // warm-up
        for (int clients : new int[] {1, CLIENTS}) {
            ApiLoad.Result r = clients == 1
                    ? api.run(paths, authorization, 1, requests1, Duration.ofSeconds(8))
                    : api.run(paths, authorization, clients, requests16, Duration.ofSeconds(12));
            String measured = "p50 " + Report.millis(r.p50()) + " · p95 " + Report.millis(r.p95()) + " · p99 "
                    + Report.millis(r.p99()) + String.format(Locale.ROOT, " (%d calls, %.0f/s)", r.requests(), r.perSecond());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("user", user);
            values.put("auth", auth);
            values.put("clients", clients);
            values.put("path", path);
            values.put("p50_ms", round(r.p50()));
            values.put("p95_ms", round(r.p95()));
            values.put("p99_ms", round(r.p99()));
            values.put("max_ms", round(r.max()));
            values.put("calls", r.requests());
            values.put("calls_per_second", round(r.perSecond()));
            boolean targeted = clients == CLIENTS;
            report.add(new Report.Figure(SECTION, "api_" + user + "_" + query.split(" ")[0] + "_" + auth.replace(' ', '_') + "_"
                    + clients, query + " — " + user + ", " + auth + ", " + clients + (clients == 1 ? " client" : " clients"),
                    "p95 ≤ " + (int) targetP95 + " ms at 16 clients", measured, targeted ? r.p95() <= targetP95 : null,
                    null, values));
        }
    }

    /** Where a call's time goes: statements per call, then a sampled profile of the request threads. */
    private void profile(String label, String path, String authorization) throws InterruptedException {
        long before = statementCount.getAsLong();
        ApiLoad.Result sequential = api.run(path, c -> authorization, 1, 20, Duration.ofSeconds(10));
        long statements = (statementCount.getAsLong() - before) / Math.max(1, sequential.requests());
        String where;
        try (Sampler sampler = Sampler.ofRequestThreads()) {
            api.run(path, c -> authorization, CLIENTS, 10, Duration.ofSeconds(15));
            where = sampler.summary(5);
        }
        profiles.add(label + ": " + statements + " SQL statements per call; " + where);
    }

    private long total(String path, String authorization) {
        JsonNode page = JSON.readTree(api.get(path, authorization));
        return page.get("totalElements").asLong();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
