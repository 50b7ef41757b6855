package dev.corral.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the REST API, as a script would call it. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final String baseUrl;

    public ApiClient(int port) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.baseUrl = "http://localhost:" + port;
    }

    /** A client calling from another loopback address (such as 127.0.0.2), as a second machine would. */
    public ApiClient(int port, java.net.InetAddress from) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).localAddress(from).build();
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public Response get(String path, String user, String password) {
        return send("GET", path, user, password);
    }

    public Response send(String method, String path, String user, String password) {
        return send(method, path, user, password, null);
    }

    public Response post(String path, String user, String password, String json) {
        return send("POST", path, user, password, json);
    }

    public Response send(String method, String path, String user, String password, String json) {
        return send(method, path, user, password, json, java.util.Map.of());
    }

    /** A call signed with an API token instead of a password. */
    public Response bearer(String method, String path, String token) {
        return send(method, path, null, null, null, java.util.Map.of("Authorization", "Bearer " + token));
    }

    /** With extra request headers, such as {@code If-Match}. */
    public Response send(String method, String path, String user, String password, String json,
            java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("Request " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a job to end (neither queued nor running) and returns it as {@code user} reads it. */
    public JsonNode awaitJob(String jobId, String user) {
        return Await.until("job " + jobId + " to end", Duration.ofSeconds(20),
                () -> get("/api/v1/jobs/" + jobId, user, "demo").json(),
                job -> !java.util.List.of("QUEUED", "RUNNING").contains(job.get("state").asString()));
    }

    /** Waits for the job an accepted (202) response names, and insists it succeeded. */
    public JsonNode succeeded(Response accepted, String user) {
        if (accepted.status() != 202) {
            throw new AssertionError("Expected 202 Accepted, got " + accepted.status() + ": " + accepted.body());
        }
        JsonNode job = awaitJob(accepted.json().get("id").asString(), user);
        if (!"SUCCEEDED".equals(job.get("state").asString())) {
            throw new AssertionError("Job did not succeed: " + job);
        }
        return job;
    }

    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        /** A response header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
