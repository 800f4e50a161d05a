package org.careweave.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer workload's four reads (see bench/README.md) for a list of people, pass after pass from one client JVM:
 * {@code Patient?identifier=}, {@code $everything}, {@code Condition?patient=} and sorted encounters. The shared
 * driver starts a new JVM and parses every bundle for each run, so its timed passes share the two cores with its own
 * start; this one keeps going, so the server's steady state (its JIT settles only after tens of thousands of
 * requests) can be measured, and prints per pass the requests per second, p50/p95 per query and, given the process
 * ids, the CPU the server and its PostgreSQL spent per request.
 */
public final class PeerReadsLoop {

    private record Read(String query, String path) {
    }

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private PeerReadsLoop() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        String base = options.getOrDefault("base", "http://127.0.0.1:8084/fhir");
        int passes = Integer.parseInt(options.getOrDefault("passes", "10"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        long serverPid = Long.parseLong(options.getOrDefault("server-pid", "0"));
        long postgresPid = Long.parseLong(options.getOrDefault("postgres-pid", "0"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = token(http, base, options.getOrDefault("client-id", "synthea"),
                options.getOrDefault("client-secret", "synthea-secret-123"));
        List<Read> reads = reads(Path.of(options.get("persons")));
        for (int pass = 1; pass <= passes; pass++) {
            long[] before = cpuTicks(serverPid, postgresPid);
            long start = System.nanoTime();
            Map<String, List<Long>> nanos = run(http, base, token, reads, clients);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] after = cpuTicks(serverPid, postgresPid);
            StringBuilder line = new StringBuilder(String.format("pass %2d: %6.1f requests/s", pass,
                    reads.size() / seconds));
            if (serverPid > 0) {
                line.append(String.format("  server %.2f ms CPU a request, PostgreSQL %.2f",
                        (after[0] - before[0]) * 10.0 / reads.size(), (after[1] - before[1]) * 10.0 / reads.size()));
            }
            line.append("  p50/p95 ms:");
            nanos.forEach((query, times) -> {
                long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
                line.append(String.format(" %s %.1f/%.1f", query, BenchSupport.percentileMillis(sorted, 50),
                        BenchSupport.percentileMillis(sorted, 95)));
            });
            System.out.println(line);
        }
    }

    /** Four reads per line {@code personId|system|value} of the file, in order. */
    private static List<Read> reads(Path persons) throws Exception {
        List<Read> reads = new ArrayList<>();
        for (String line : Files.readAllLines(persons)) {
            String[] fields = line.split("\\|", 3);
            if (fields.length < 3) {
                throw new IllegalArgumentException("Expected personId|system|value, got: " + line);
            }
            String id = fields[0];
            reads.add(new Read("identifier", "Patient?identifier="
                    + URLEncoder.encode(fields[1] + "|" + fields[2], StandardCharsets.UTF_8)));
            reads.add(new Read("everything", "Patient/" + id + "/$everything"));
            reads.add(new Read("condition", "Condition?patient=" + id));
            reads.add(new Read("encounter", "Encounter?patient=" + id + "&_sort=-date&_count=20"));
        }
        return reads;
    }

    /** One pass: the reads shared among the clients in order; nanoseconds per query. A failed read ends the run. */
    private static Map<String, List<Long>> run(HttpClient http, String base, String token, List<Read> reads,
                                                 int clients) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Map<String, List<Long>> nanos = new TreeMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < reads.size()) {
                    Read read = reads.get(i);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = get(http, base + "/" + read.path(), token);
                        long elapsed = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(read.path() + " answered " + response.statusCode());
                        }
                        synchronized (nanos) {
                            nanos.computeIfAbsent(read.query(), q -> new ArrayList<>()).add(elapsed);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return nanos;
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/fhir+json").header("Cache-Control", "no-cache").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        }
    }

    private static String token(HttpClient http, String base, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.replaceFirst("/fhir$",
                        "/oauth2/token"))).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /**
     * Clock ticks (1/100 s) of user and system time: the server's process, and PostgreSQL's postmaster with its reaped
     * children plus its live backends. Zero for a pid not given.
     */
    private static long[] cpuTicks(long serverPid, long postgresPid) throws Exception {
        if (serverPid == 0) {
            return new long[] {0, 0};
        }
        long postgres = 0;
        if (postgresPid != 0) {
            postgres = ticks(postgresPid, true);
            String children = Files.readString(Path.of("/proc/" + postgresPid + "/task/" + postgresPid + "/children"));
            for (String child : children.trim().split("\\s+")) {
                if (!child.isEmpty() && Files.exists(Path.of("/proc/" + child))) {
                    postgres += ticks(Long.parseLong(child), false);
                }
            }
        }
        return new long[] {ticks(serverPid, false), postgres};
    }

    private static long ticks(long pid, boolean withReapedChildren) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }
}
