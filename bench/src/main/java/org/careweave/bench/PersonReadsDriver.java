package org.careweave.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for a running CareWeave: signs in through the form as a member of staff, then reads the person summary
 * page ({@code /people/{id}}) and {@code /fhir/Patient/{id}/$everything} for a seeded sample of people with N
 * concurrent clients, and prints p50/p95/p99 per request kind. Each client has its own session. A warm-up pass
 * over another sample runs first. Only the JDK, so it runs as a single source file:
 * {@code java bench/src/main/java/org/careweave/bench/PersonReadsDriver.java --base ...}
 *
 * <pre>--base http://127.0.0.1:8095 --user gp --password demo-gp-2026 --ids ids.txt --sample 200 --clients 8
 *   --seed 42 [--count 20]</pre>
 */
public final class PersonReadsDriver {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private PersonReadsDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String base = options.getOrDefault("base", "http://127.0.0.1:8080");
        List<String> ids = Files.readAllLines(Path.of(options.get("ids"))).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        int sample = Integer.parseInt(options.getOrDefault("sample", "200"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        String count = options.getOrDefault("count", "20");
        List<HttpClient> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(signedIn(base, options.get("user"), options.get("password")));
        }
        List<String[]> requests = requests(ids, sample, seed + 1, count);
        run(base, sessions, requests, false);
        requests = requests(ids, sample, seed, count);
        run(base, sessions, requests, true);
    }

    /** For each sampled person: the summary page and $everything, in random order. */
    private static List<String[]> requests(List<String> ids, int sample, long seed, String count) {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(seed));
        List<String[]> requests = new ArrayList<>();
        for (String id : shuffled.subList(0, Math.min(sample, shuffled.size()))) {
            requests.add(new String[] {"summary", "/people/" + id, "text/html"});
            requests.add(new String[] {"$everything", "/fhir/Patient/" + id + "/$everything?_count=" + count,
                    "application/fhir+json"});
        }
        Collections.shuffle(requests, new Random(seed));
        return requests;
    }

    private static void run(String base, List<HttpClient> sessions, List<String[]> requests, boolean report)
            throws Exception {
        long[] nanos = new long[requests.size()];
        int[] status = new int[requests.size()];
        long[] bytes = new long[requests.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (HttpClient session : sessions) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    String[] request = requests.get(i);
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = session.send(HttpRequest.newBuilder(URI.create(base + request[1]))
                            .header("Accept", request[2]).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - t0;
                    status[i] = response.statusCode();
                    bytes[i] = response.body().length;
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        double wall = (System.nanoTime() - started) / 1e9;
        if (!report) {
            return;
        }
        System.out.printf("clients=%d requests=%d wall=%.1fs (%.1f req/s) load=%s%n", sessions.size(), requests.size(),
                wall, requests.size() / wall, Files.readString(Path.of("/proc/loadavg")).strip());
        for (String kind : List.of("summary", "$everything")) {
            List<Long> times = new ArrayList<>();
            long failed = 0;
            long size = 0;
            for (int i = 0; i < requests.size(); i++) {
                if (requests.get(i)[0].equals(kind)) {
                    times.add(nanos[i]);
                    size += bytes[i];
                    failed += status[i] == 200 ? 0 : 1;
                }
            }
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-12s n=%d failed=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f ms, avg %d bytes%n", kind,
                    sorted.length, failed, percentileMillis(sorted, 50),
                    percentileMillis(sorted, 95), percentileMillis(sorted, 99),
                    sorted[sorted.length - 1] / 1e6, size / Math.max(1, sorted.length));
        }
    }

    private static HttpClient signedIn(String base, String user, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("The sign-in page has no CSRF token");
        }
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in as " + user + " failed: " + signIn.statusCode() + " "
                    + Arrays.toString(signIn.headers().allValues("Location").toArray()));
        }
        return client;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Options are --name value pairs; got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** Nearest-rank percentile of sorted nanosecond timings, in milliseconds. */
    private static double percentileMillis(long[] sortedNanos, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
