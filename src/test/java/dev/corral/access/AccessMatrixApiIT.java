package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.vaadin.flow.router.Route;
import dev.corral.access.AccessMatrix.Row;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The access matrix: every REST endpoint and every console route, called by every kind of caller
 * (each demo user, a signed-in user without any role, an API token, nobody), answers the status
 * that src/test/resources/access-matrix.md says. An endpoint or route without a row fails, and so
 * does a row whose endpoint is gone.
 *
 * <p>{@code -Dmatrix.record=target/access-matrix.recorded.md} also writes the observed outcomes in
 * the table's own format, to diff against the committed (reviewed) table after a change of rules.
 *
 * <p>Nothing the demo fleet's other tests rely on is changed: the VMs, snapshots, assignments, the
 * custom role and the tokens acted on are the test's own (re-made when an allowed call removed
 * them), and the requests on shared objects are ones that fail validation only after the
 * authorization check (see the table's notes). Refused mutating calls are checked to have changed
 * nothing in the inventory's tables.
 */
@CorralIntegrationTest
class AccessMatrixApiIT {

    static final String NO_ROLE_USER = "matrix-norole";
    static final String TOKEN = "token";
    static final String NOBODY = "nobody";
    static final String BRANCH = "Branch";
    static final String HQ = "HQ";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+(?::[a-z-]+)?)\\}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InMemoryDirectoryServer directory;

    ApiClient api;
    final Map<String, String> fixtures = new HashMap<>();
    final Map<String, HttpClient> sessions = new HashMap<>();
    String callerToken;

    /** A caller: who it is, as whom it calls (null: nobody) and whose scope "in" means. */
    record Caller(String column, String user, String home) {
    }

    static final List<Caller> CALLERS = List.of(
            new Caller("admin", "admin", BRANCH),
            new Caller("hq-admin", "hq-admin", HQ),
            new Caller("branch-ops", "branch-ops", BRANCH),
            new Caller("dev", "dev", BRANCH),
            new Caller("auditor", "auditor", BRANCH),
            new Caller("no-role", NO_ROLE_USER, BRANCH),
            // An API token of hq-admin: never more than its owner.
            new Caller(TOKEN, "hq-admin", HQ),
            new Caller(NOBODY, null, BRANCH));

    @Test
    void everyEndpointAndRouteAnswersEachCallerAsTheMatrixSays() throws Exception {
        api = new ApiClient(port);
        AccessMatrix matrix = AccessMatrix.read(new ClassPathResource("access-matrix.md")
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(matrix.callers).as("the table's callers").containsExactlyElementsOf(
                CALLERS.stream().map(Caller::column).toList());

        List<String> problems = new ArrayList<>(coverageProblems(matrix));
        Map<Integer, Map<String, String>> observed = new LinkedHashMap<>();
        Instant started = Instant.now();
        int cells = 0;
        addUserWithoutRole();
        try {
            setUp();
            for (int i = 0; i < matrix.rows.size(); i++) {
                Row row = matrix.rows.get(i);
                Map<String, String> seen = new LinkedHashMap<>();
                observed.put(i, seen);
                for (Caller caller : CALLERS) {
                    Outcome outcome = row.route() ? visit(row, caller) : call(row, caller, problems);
                    seen.put(caller.column(), outcome.status());
                    cells++;
                    String expected = row.expected().get(caller.column());
                    if (!outcome.status().equals(expected)) {
                        problems.add(row.endpoint() + " as " + caller.column() + " (" + outcome.request() + "): expected "
                                + expected + ", got " + outcome.status() + " " + abbreviate(outcome.body()));
                    }
                }
            }
        } finally {
            tearDown();
            removeUserWithoutRole();
        }
        System.out.printf("Access matrix: %d rows x %d callers = %d cells in %d s%n", matrix.rows.size(), CALLERS.size(),
                cells, Duration.between(started, Instant.now()).toSeconds());
        String record = System.getProperty("matrix.record");
        if (record != null && !record.isBlank()) {
            matrix.write(Path.of(record), observed, missingRows(matrix));
            System.out.println("Access matrix: observed outcomes written to " + Path.of(record).toAbsolutePath());
        }
        assertThat(problems).as("access matrix (" + cells + " cells)").isEmpty();
    }

    // --- coverage: the table names exactly the endpoints and routes that exist ---

    Set<String> endpoints() {
        Set<String> found = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        found.add("ANY " + pattern);
                    }
                    methods.forEach(m -> found.add(m.name() + " " + pattern));
                }
            }
        }
        return found;
    }

    static Set<String> routes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> found = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.corral")) {
            Route route = Class.forName(candidate.getBeanClassName()).getAnnotation(Route.class);
            found.add(AccessMatrix.ROUTE + " " + (route.value().isEmpty() ? "/" : route.value()));
        }
        return found;
    }

    List<String> coverageProblems(AccessMatrix matrix) throws ClassNotFoundException {
        Set<String> existing = new TreeSet<>(endpoints());
        existing.addAll(routes());
        Set<String> inTable = new LinkedHashSet<>(matrix.rows.stream().map(Row::endpoint).toList());
        List<String> problems = new ArrayList<>();
        List<String> missing = existing.stream().filter(e -> !inTable.contains(e)).toList();
        List<String> gone = inTable.stream().filter(e -> !existing.contains(e)).toList();
        if (!missing.isEmpty()) {
            problems.add("Endpoints and routes without a row in access-matrix.md: " + missing);
        }
        if (!gone.isEmpty()) {
            problems.add("Rows of access-matrix.md for endpoints or routes that no longer exist: " + gone);
        }
        return problems;
    }

    List<Row> missingRows(AccessMatrix matrix) throws ClassNotFoundException {
        Set<String> inTable = new LinkedHashSet<>(matrix.rows.stream().map(Row::endpoint).toList());
        Set<String> existing = new TreeSet<>(endpoints());
        existing.addAll(routes());
        return existing.stream().filter(e -> !inTable.contains(e))
                .map(e -> new Row(e, e.substring(e.indexOf(' ') + 1), "", Map.of())).toList();
    }

    // --- calling ---

    record Outcome(String request, String status, String body) {
    }

    Outcome call(Row row, Caller caller, List<String> problems) {
        String path = resolve(row.path(), caller);
        String body = row.body().isEmpty() ? null : resolve(row.body(), caller);
        Map<String, String> headers = new HashMap<>();
        if (body != null && body.startsWith("If-Match:")) {
            int space = body.indexOf(' ');
            headers.put("If-Match", body.substring("If-Match:".length(), space));
            body = body.substring(space + 1);
        }
        if (caller.column().equals(TOKEN)) {
            headers.put("Authorization", "Bearer " + callerToken);
        }
        String method = row.method();
        boolean mutating = !method.equals("GET");
        Map<String, Object> before = mutating ? fingerprint() : null;
        String user = caller.column().equals(TOKEN) ? null : caller.user();
        Response response = api.send(method, path, user, user == null ? null : "demo", body, headers);
        String request = method + " " + path + (body == null ? "" : " " + body);
        int status = response.status();
        if (mutating && (status == 401 || status == 403 || status == 404)) {
            Map<String, Object> after = fingerprint();
            if (!after.equals(before)) {
                problems.add(row.endpoint() + " as " + caller.column() + " (" + request + ") was refused with " + status
                        + " but changed the inventory: " + before + " -> " + after);
            }
        }
        afterCall(method, path, response);
        return new Outcome(request, String.valueOf(status), response.body());
    }

    /** What an allowed call left behind: jobs run to their end, objects it created or removed put back. */
    void afterCall(String method, String path, Response response) {
        int status = response.status();
        if (status == 202 && response.contentType().contains("json") && response.json().has("state")) {
            awaitJob(response.json().get("id").asString());
        }
        if (status == 201 && response.header("Location") != null) {
            Response removed = api.send("DELETE", URI.create(response.header("Location")).getPath(), "admin", "demo");
            assertThat(removed.status()).as("removing " + response.header("Location")).isEqualTo(204);
        }
        if (method.equals("DELETE") && status / 100 == 2) {
            // What the path names last is what is gone (a VM's path also names its snapshots' VM).
            String removed = path.substring(path.lastIndexOf('/') + 1);
            fixtures.values().removeIf(removed::equals);
            if (!fixtures.containsKey("vm:" + BRANCH) || !fixtures.containsKey("vm:" + HQ)) {
                fixtures.keySet().removeIf(k -> k.startsWith("snapshot:") && !fixtures.containsKey("vm:" + k.substring(9)));
            }
        }
    }

    /** Counts and versions of what a refused call must not have changed. */
    Map<String, Object> fingerprint() {
        return jdbc.queryForMap("""
                select (select count(*) from vm) vms, (select coalesce(sum(version), 0) from vm) vm_versions,
                       (select count(*) from host) hosts, (select coalesce(sum(version), 0) from host) host_versions,
                       (select count(*) from host where maintenance) in_maintenance,
                       (select count(*) from host_group) host_groups,
                       (select count(*) from access_assignment) assignments, (select count(*) from access_role) roles,
                       (select count(*) from api_token where revoked_at is null) tokens,
                       (select count(*) from virtual_switch) switches,
                       (select count(*) from sprawl_finding where state <> 'OPEN') closed_findings,
                       (select count(*) from licensing_mode) licensing_modes,
                       (select coalesce(sum(version), 0) from licensing_mode) licensing_versions,
                       (select count(*) from job) jobs
                """);
    }

    /** A console route: nobody and tokens have no session; the others sign in through the login form. */
    Outcome visit(Row row, Caller caller) throws IOException, InterruptedException {
        String path = resolve(row.path(), caller);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET()
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
        HttpClient client;
        if (caller.user() == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        } else if (caller.column().equals(TOKEN)) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            request.header("Authorization", "Bearer " + callerToken);
        } else {
            client = session(caller.user());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String status = String.valueOf(response.statusCode());
        if (response.statusCode() / 100 == 3) {
            status += ":" + URI.create(response.headers().firstValue("Location").orElse("")).getPath();
        }
        return new Outcome("GET " + path, status, response.body());
    }

    /** A console session, signed in through Spring Security's form login with the page's CSRF token. */
    HttpClient session(String user) throws IOException, InterruptedException {
        HttpClient existing = sessions.get(user);
        if (existing != null) {
            return existing;
        }
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the sign-in page carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(user + " signs in").isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).as(user + " signs in").doesNotContain("error");
        sessions.put(user, client);
        return client;
    }

    // --- placeholders and the objects they name ---

    String resolve(String text, Caller caller) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), caller)));
        }
        m.appendTail(out);
        return out.toString();
    }

    String value(String key, Caller caller) {
        String[] parts = key.split(":");
        String group = parts.length < 2 ? null : switch (parts[1]) {
            case "in" -> caller.home();
            case "out" -> caller.home().equals(BRANCH) ? HQ : BRANCH;
            default -> null;
        };
        return switch (parts[0]) {
            case "me" -> caller.user() == null ? NOBODY : caller.user();
            case "group" -> DemoFleet.group(group).toString();
            case "name" -> {
                // The group's assignment exists already, so an allowed POST of it again is refused as a duplicate (400).
                assignment(group);
                yield group;
            }
            case "host" -> host(group).toString();
            case "vm" -> vm(group);
            case "snapshot" -> snapshot(group);
            case "job" -> fixture("job:" + group, () -> {
                vm(group);
                return fixtures.get("job:" + group);
            });
            case "switch" -> fixture("switch:" + group, () -> switchId(group));
            case "finding" -> fixture("finding:" + group, () -> finding(group));
            case "assignment" -> assignment(group);
            case "role" -> role();
            case "token" -> token(parts[1].equals("own") ? (caller.user() == null ? "admin" : caller.user())
                    : caller.user() != null && caller.user().equals("admin") ? "auditor" : "admin");
            case "mode" -> fixtures.get("mode:global");
            default -> throw new IllegalArgumentException("Unknown placeholder {" + key + "}");
        };
    }

    interface Maker {
        String make();
    }

    String fixture(String key, Maker maker) {
        String value = fixtures.get(key);
        if (value == null) {
            value = maker.make();
            fixtures.put(key, value);
        }
        return value;
    }

    static UUID host(String group) {
        return DemoFleet.host(group.equals(BRANCH) ? "br-hv02" : "hq-hv02");
    }

    /** The test's own VM in the group: Linux, off, owned by dev on Branch (whose Self-Service role needs that) and hq-admin on HQ. */
    String vm(String group) {
        return fixture("vm:" + group, () -> {
            Response created = api.post("/api/v1/vms", "admin", "demo", """
                    {"hostId":"%s","name":"matrix-vm","vcpus":1,"memoryMiB":512,"guestFamily":"LINUX","guestName":"Debian 12",
                     "owner":"%s","purpose":"The access matrix's own VM"}""".formatted(host(group), group.equals(BRANCH) ? "dev" : "hq-admin"));
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            String jobId = created.json().get("id").asString();
            Map<String, Object> job = awaitJob(jobId);
            assertThat(job.get("state")).as(job.toString()).isEqualTo("SUCCEEDED");
            fixtures.put("job:" + group, jobId);
            return (String) job.get("vm_id");
        });
    }

    String snapshot(String group) {
        String vm = vm(group);
        return fixture("snapshot:" + group, () -> {
            Response taken = api.post("/api/v1/vms/" + vm + "/snapshots", "admin", "demo", "{\"name\":\"matrix-base\"}");
            assertThat(taken.status()).as(taken.body()).isEqualTo(202);
            awaitJob(taken.json().get("id").asString());
            return api.get("/api/v1/vms/" + vm + "/snapshots", "admin", "demo").json().valueStream()
                    .filter(s -> s.get("name").asString().equals("matrix-base")).findFirst().orElseThrow()
                    .get("id").asString();
        });
    }

    /** A switch with VMs on it (so an allowed removal is refused as in use): Branch-Internal of br-hv02, Lab of hq-hv02. */
    String switchId(String group) {
        String name = group.equals(BRANCH) ? "Branch-Internal" : "Lab";
        return api.get("/api/v1/switches?host=" + host(group) + "&size=100", "admin", "demo").json().get("items").valueStream()
                .filter(s -> s.get("name").asString().equals(name)).findFirst().orElseThrow().get("id").asString();
    }

    /** An open finding in the group, preferably of an unmanaged VM. */
    String finding(String group) {
        JsonNode items = api.get("/api/v1/sprawl/findings?hostGroup=" + DemoFleet.group(group) + "&size=200", "admin", "demo")
                .json().get("items");
        return items.valueStream().filter(f -> f.get("kind").asString().equalsIgnoreCase("unmanaged")).findFirst()
                .or(() -> items.valueStream().findFirst())
                .orElseThrow(() -> new IllegalStateException("No open sprawl finding in " + group)).get("id").asString();
    }

    /** The custom role of the test, kept assigned (so an allowed removal is refused as still assigned). */
    String role() {
        String role = roleId();
        assignment(BRANCH);
        assignment(HQ);
        return role;
    }

    String roleId() {
        return fixture("role", () -> {
            Response made = api.post("/api/v1/roles", "admin", "demo",
                    "{\"name\":\"Matrix Role\",\"description\":\"The access matrix's own\",\"permissions\":[\"inventory.view\"]}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            return made.json().get("id").asString();
        });
    }

    /**
     * The test's role given to a group nobody is in, at the host group: one group per host group, so
     * that it holds rights only there and a delegate of that host group may change its access.
     */
    String assignment(String group) {
        String role = roleId();
        return fixture("assignment:" + group, () -> {
            Response made = api.post("/api/v1/assignments", "admin", "demo", "{\"principalType\":\"GROUP\",\"principalName\":"
                    + "\"matrix-group-" + group + "\",\"roleId\":\"" + role + "\",\"scope\":\"host-group:" + DemoFleet.group(group)
                    + "\"}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            return made.json().get("id").asString();
        });
    }

    /** A spare token of the user, for the revocation rows. */
    String token(String user) {
        return fixture("token:" + user, () -> {
            Response made = api.post("/api/v1/tokens", user, "demo", "{\"name\":\"matrix spare\",\"expiresInDays\":30}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            return made.json().get("token").get("id").asString();
        });
    }

    // --- before and after ---

    String hqHv02Cluster;
    final Map<String, String> managementAdapters = new HashMap<>();
    final Map<String, String> groupModes = new HashMap<>();

    void setUp() {
        Response scan = api.post("/api/v1/sprawl/scan", "admin", "demo", null);
        assertThat(scan.status()).as(scan.body()).isEqualTo(200);
        JsonNode created = api.post("/api/v1/tokens", "hq-admin", "demo", "{\"name\":\"matrix caller\",\"expiresInDays\":30}").json();
        callerToken = created.get("value").asString();
        fixtures.put("caller-token", created.get("token").get("id").asString());
        JsonNode policy = api.get("/api/v1/licensing/policy", "admin", "demo").json();
        fixtures.put("mode:global", policy.get("global").get("mode").asString().toLowerCase());
        for (JsonNode group : policy.get("hostGroups")) {
            groupModes.put(group.get("id").asString(), group.get("own").isNull() ? null : group.get("own").asString());
        }
        for (String group : List.of(BRANCH, HQ)) {
            JsonNode adapters = api.get("/api/v1/hosts/" + host(group) + "/adapters", "admin", "demo").json();
            managementAdapters.put(host(group).toString(),
                    adapters.get("managementAdapter").isNull() ? null : adapters.get("managementAdapter").asString());
        }
        // Entering maintenance evacuates a host of a cluster: out of its cluster for the test, an allowed
        // request to enter is refused (after authorization) as having nowhere to move the VMs to.
        JsonNode hqHv02 = api.get("/api/v1/hosts/" + host(HQ), "admin", "demo").json();
        hqHv02Cluster = hqHv02.get("host").get("cluster").asString();
        patchCluster(null);
    }

    void patchCluster(String cluster) {
        Response patched = api.send("PATCH", "/api/v1/hosts/" + host(HQ), "admin", "demo",
                "{\"cluster\":" + (cluster == null ? "null" : "\"" + cluster + "\"") + "}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    void tearDown() {
        if (hqHv02Cluster != null) {
            patchCluster(hqHv02Cluster);
        }
        managementAdapters.forEach((host, adapter) -> {
            if (adapter == null) {
                api.send("DELETE", "/api/v1/hosts/" + host + "/management-adapter", "admin", "demo");
            } else {
                api.send("PUT", "/api/v1/hosts/" + host + "/management-adapter", "admin", "demo",
                        "{\"adapter\":\"" + adapter + "\"}");
            }
        });
        groupModes.forEach((group, mode) -> {
            if (mode == null) {
                api.send("DELETE", "/api/v1/licensing/policy/host-groups/" + group, "admin", "demo");
            } else {
                api.send("PUT", "/api/v1/licensing/policy/host-groups/" + group, "admin", "demo", "{\"mode\":\"" + mode + "\"}");
            }
        });
        for (String group : List.of(BRANCH, HQ)) {
            String vm = fixtures.get("vm:" + group);
            if (vm != null) {
                Response deleted = api.send("DELETE", "/api/v1/vms/" + vm, "admin", "demo");
                if (deleted.status() == 202) {
                    awaitJob(deleted.json().get("id").asString());
                }
            }
            String assignment = fixtures.get("assignment:" + group);
            if (assignment != null) {
                api.send("DELETE", "/api/v1/assignments/" + assignment, "admin", "demo");
            }
        }
        if (fixtures.containsKey("role")) {
            api.send("DELETE", "/api/v1/roles/" + fixtures.get("role"), "admin", "demo");
        }
        fixtures.forEach((key, id) -> {
            if (key.startsWith("token:")) {
                api.send("DELETE", "/api/v1/tokens/" + id, key.substring(6), "demo");
            }
        });
        if (fixtures.containsKey("caller-token")) {
            api.send("DELETE", "/api/v1/tokens/" + fixtures.get("caller-token"), "hq-admin", "demo");
        }
    }

    /** The demo directory has no user without a role: one is added for the test (and removed after). */
    void addUserWithoutRole() throws Exception {
        directory.add("dn: uid=" + NO_ROLE_USER + ",ou=people,dc=corral,dc=local", "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + NO_ROLE_USER,
                "cn: Nora Norole", "sn: Norole", "userPassword: demo");
    }

    void removeUserWithoutRole() throws Exception {
        directory.delete("uid=" + NO_ROLE_USER + ",ou=people,dc=corral,dc=local");
    }

    /** Waits for the job's end, read from the database: the job of a deleted VM is no one's to see but its requester's. */
    Map<String, Object> awaitJob(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        Map<String, Object> job = job(id);
        while (List.of("QUEUED", "RUNNING").contains(job.get("state")) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            job = job(id);
        }
        return job;
    }

    Map<String, Object> job(String id) {
        Map<String, Object> row = jdbc.queryForMap("select state, vm_id, message from job where id = ?", UUID.fromString(id));
        Map<String, Object> job = new HashMap<>();
        row.forEach((k, v) -> job.put(k.toLowerCase(java.util.Locale.ROOT), v == null ? null : v.toString()));
        return job;
    }

    String base() {
        return "http://localhost:" + port;
    }

    static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
