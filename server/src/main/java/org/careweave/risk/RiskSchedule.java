package org.careweave.risk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes everyone nightly ({@code careweave.risk.recompute-cron}; a PostgreSQL advisory lock lets one node run
 * it) and on the first start of a database that has people but no scores yet (e.g. right after the demo data).
 */
@Component
@EnableScheduling
@Profile("!command")
class RiskSchedule {

    private static final Logger log = LoggerFactory.getLogger(RiskSchedule.class);

    private final RiskRecomputation recomputation;
    private final JdbcClient jdbc;

    RiskSchedule(RiskRecomputation recomputation, JdbcClient jdbc) {
        this.recomputation = recomputation;
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${careweave.risk.recompute-cron:0 30 2 * * *}")
    void nightly() {
        log.info(recomputation.recomputeAll().describe());
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstStart() {
        boolean unscored = jdbc.sql("""
                select exists (select 1 from person) and not exists (select 1 from risk_score)""")
                .query(Boolean.class).single();
        if (unscored) {
            log.info(recomputation.recomputeAll().describe());
        }
    }
}
