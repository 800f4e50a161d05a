package org.careweave.worklist;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers rest-hook notifications from the outbox: claims due ones (skipping rows another node holds), posts each
 * to its endpoint, and on failure tries again with exponential backoff until the attempts run out. The subscription
 * shows {@code error} with the last failure until a delivery succeeds again. Logs name subscriptions, never people.
 */
@Component
class RestHookDelivery {

    private static final Logger log = LoggerFactory.getLogger(RestHookDelivery.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(10);

    private record Due(long id, long subscriptionId, String payload, int attempts, String endpoint, String[] headers) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WorklistSettings settings;
    private final HttpClient http;

    RestHookDelivery(JdbcClient jdbc, TransactionTemplate transactions, WorklistSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.restHookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${careweave.worklist.rest-hook-poll-interval:250ms}")
    void deliverDue() {
        List<Due> due;
        do {
            due = claim();
            due.forEach(this::deliver);
        } while (due.size() == BATCH);
    }

    /** Takes due deliveries and leases them for twice the timeout, so a node that dies mid-delivery loses nothing. */
    private List<Due> claim() {
        return transactions.execute(status -> jdbc.sql("""
                        update fhir_subscription_delivery d
                           set next_attempt_at = now() + make_interval(secs => :lease)
                          from fhir_subscription s
                         where s.id = d.subscription_id
                           and d.id in (select id from fhir_subscription_delivery
                                         where delivered_at is null and failed_at is null and next_attempt_at <= now()
                                         order by id limit :batch for update skip locked)
                        returning d.id, d.subscription_id, d.payload, d.attempts, s.endpoint, s.headers""")
                .param("lease", settings.restHookTimeout().toSeconds() * 2.0).param("batch", BATCH)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        (String[]) rs.getArray(6).getArray()))
                .list());
    }

    private void deliver(Due due) {
        String failure = post(due);
        transactions.executeWithoutResult(status -> {
            if (failure == null) {
                jdbc.sql("update fhir_subscription_delivery set delivered_at = now(), attempts = attempts + 1, last_error = null where id = :id")
                        .param("id", due.id()).update();
                jdbc.sql("update fhir_subscription set status = 'active', error = null where id = :id and status = 'error'")
                        .param("id", due.subscriptionId()).update();
                return;
            }
            int attempts = due.attempts() + 1;
            boolean givenUp = attempts >= settings.restHookMaxAttempts();
            long backoff = Math.min(LONGEST_BACKOFF.toSeconds(), 1L << Math.min(attempts - 1, 20));
            jdbc.sql("""
                            update fhir_subscription_delivery
                               set attempts = :attempts, last_error = :error,
                                   next_attempt_at = now() + make_interval(secs => :backoff),
                                   failed_at = case when :givenUp then now() end
                             where id = :id""")
                    .param("attempts", attempts).param("error", failure).param("backoff", (double) backoff)
                    .param("givenUp", givenUp).param("id", due.id()).update();
            jdbc.sql("update fhir_subscription set status = 'error', error = :error where id = :id and status <> 'off'")
                    .param("error", failure + (givenUp ? " (gave up after " + attempts + " attempts)" : ""))
                    .param("id", due.subscriptionId()).update();
            log.warn("Rest-hook delivery {} for Subscription/{} failed (attempt {}): {}", due.id(), due.subscriptionId(),
                    attempts, failure);
        });
    }

    /** Null when the endpoint took the notification (2xx), otherwise what went wrong, without any payload content. */
    private String post(Due due) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(due.endpoint()))
                    .timeout(settings.restHookTimeout())
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload()));
            for (String header : due.headers()) {
                int colon = header.indexOf(':');
                request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "The endpoint answered HTTP " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return "The endpoint could not be reached: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Delivery was interrupted";
        }
    }
}
