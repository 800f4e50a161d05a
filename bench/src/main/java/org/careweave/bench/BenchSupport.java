package org.careweave.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.careweave.CareWeaveApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Shared plumbing for benchmarks: options as --name value, and a CareWeave context without a web server. */
final class BenchSupport {

    private BenchSupport() {
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Options are --name value pairs; got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** CareWeave on the embedded database in {@code dataDir} (or CAREWEAVE_DB_URL), demo generation off. */
    static ConfigurableApplicationContext careWeave(String dataDir) {
        return new SpringApplicationBuilder(CareWeaveApplication.class)
                .web(WebApplicationType.NONE)
                .run("--careweave.data-dir=" + dataDir, "--careweave.demo.enabled=false", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
    }

    /** Prints the count, mean, p50, p95, p99 and maximum of nanosecond timings, in milliseconds. */
    static void report(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: n=%d mean=%.3f ms p50=%.3f ms p95=%.3f ms p99=%.3f ms max=%.3f ms%n", label,
                sorted.length, Arrays.stream(sorted).average().orElse(0) / 1e6, percentileMillis(sorted, 50),
                percentileMillis(sorted, 95), percentileMillis(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile of sorted nanosecond timings, in milliseconds. */
    static double percentileMillis(long[] sortedNanos, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
