package org.careweave.access;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sharing agreements in force today, held in memory: they belong to organisations rather than people and change
 * rarely, so an access decision should not read them again. Each decision brings the agreements' version from its
 * own snapshot (see {@link AccessFacts#agreementsVersion}); a different version, or a new day, reloads them.
 */
@Component
class AgreementsInForce {

    private record Loaded(long version, LocalDate day, Map<Long, Map<Long, Set<DataCategory>>> byRecipient) {
    }

    private final JdbcClient jdbc;
    private volatile Loaded loaded;

    AgreementsInForce(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each provider organisation, the categories it shares with {@code recipient} under agreements in force. */
    Map<Long, Set<DataCategory>> sharedWith(long recipient, long version) {
        Loaded current = loaded;
        LocalDate today = LocalDate.now();
        if (current == null || current.version() != version || !current.day().equals(today)) {
            current = load(today);
        }
        return current.byRecipient().getOrDefault(recipient, Map.of());
    }

    private synchronized Loaded load(LocalDate today) {
        long[] version = new long[1];
        Map<Long, Map<Long, Set<DataCategory>>> byRecipient = new HashMap<>();
        jdbc.sql("""
                        select v.version, sa.recipient_org_id, sa.provider_org_id, sa.category
                          from sharing_agreement_version v
                          left join sharing_agreement sa
                            on sa.starts_on <= :today and (sa.ends_on is null or sa.ends_on > :today)""")
                .param("today", today)
                .query(rs -> {
                    version[0] = rs.getLong(1);
                    if (rs.getString(4) != null) {
                        byRecipient.computeIfAbsent(rs.getLong(2), k -> new HashMap<>())
                                .computeIfAbsent(rs.getLong(3), k -> EnumSet.noneOf(DataCategory.class))
                                .add(DataCategory.valueOf(rs.getString(4)));
                    }
                });
        Map<Long, Map<Long, Set<DataCategory>>> frozen = new HashMap<>();
        byRecipient.forEach((recipient, providers) -> {
            providers.replaceAll((provider, categories) -> Set.copyOf(categories));
            frozen.put(recipient, Map.copyOf(providers));
        });
        Loaded fresh = new Loaded(version[0], today, frozen);
        loaded = fresh;
        return fresh;
    }
}
