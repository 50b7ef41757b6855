package dev.corral.e2e.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Calls the REST API as scripts would: each client its own HTTP/1.1 connection, one request after
 * the other; latencies from sending the request to having read the whole response.
 */
final class ApiLoad {

    /** What a run measured, in milliseconds. */
    record Result(int clients, int requests, double p50, double p95, double p99, double max, double perSecond,
            List<Double> samples) {
    }

    private final String baseUrl;

    ApiLoad(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** One call, checked: answers the body. */
    String get(String path, String authorization) {
        try (HttpClient http = client()) {
            HttpResponse<String> response = http.send(request(path, authorization), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String post(String path, String authorization, String json) {
        try (HttpClient http = client()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code clients} clients, each calling {@code perClient} times (or until {@code budget} has
     * passed), all starting together; client c signs in with {@code authorization.apply(c)}.
     */
    Result run(String path, IntFunction<String> authorization, int clients, int perClient, Duration budget)
            throws InterruptedException {
        return run(call -> path, authorization, clients, perClient, budget);
    }

    /** As above, the n-th call (counted over all clients) asking for {@code path.apply(n)}. */
    Result run(IntFunction<String> path, IntFunction<String> authorization, int clients, int perClient, Duration budget)
            throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Double> samples = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + budget.toNanos();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String header = authorization.apply(c);
            done.add(pool.submit(() -> {
                calls(path, calls, header, perClient, deadline, start, samples);
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Result(clients, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.getLast(), sorted.size() / seconds, sorted);
    }

    private void calls(IntFunction<String> path, java.util.concurrent.atomic.AtomicInteger calls, String authorization,
            int count, long deadline, CountDownLatch start, List<Double> samples) throws IOException, InterruptedException {
        try (HttpClient http = client()) {
            start.await();
            for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
                HttpRequest request = request(path.apply(calls.getAndIncrement()), authorization);
                long began = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                double millis = (System.nanoTime() - began) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                samples.add(millis);
            }
        }
    }

    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private HttpRequest request(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).GET().build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
