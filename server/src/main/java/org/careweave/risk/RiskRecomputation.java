package org.careweave.risk;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes and stores everyone's scores (streaming the facts from one connection and COPYing the scores into
 * another, so memory stays flat however large the population), or one person's when their record changes.
 */
@Service
public class RiskRecomputation {

    /** Key of the advisory lock that lets only one node recompute everyone at a time. */
    static final long LOCK = 0x7269736b5f616c6cL;
    private static final Logger log = LoggerFactory.getLogger(RiskRecomputation.class);
    private static final int CHUNK = 1 << 20;

    private final DataSource dataSource;
    private final RiskScores scores;
    private final RiskDefinitions definitions;
    private final Scoring scoring;

    RiskRecomputation(DataSource dataSource, RiskScores scores, RiskSettings settings) {
        this.dataSource = dataSource;
        this.scores = scores;
        this.definitions = RiskDefinitions.load(settings);
        this.definitions.unknownCodes().forEach(problem -> log.warn("Unknown code: {}", problem));
        this.scoring = new Scoring(definitions, settings.priority());
    }

    RiskDefinitions definitions() {
        return definitions;
    }

    /** What a full recomputation did; {@code skipped} when another node held the lock. */
    public record Summary(boolean skipped, long people, long[] efiCategories, Duration took) {

        /** People aged 65 or over, who have an eFI. */
        public long withEfi() {
            return java.util.Arrays.stream(efiCategories).sum();
        }

        public String describe() {
            if (skipped) {
                return "Risk recomputation skipped: another CareWeave node is recomputing";
            }
            StringBuilder shares = new StringBuilder();
            for (RiskProfile.Category category : RiskProfile.Category.values()) {
                shares.append(shares.isEmpty() ? "" : ", ").append(category.label().toLowerCase(java.util.Locale.UK))
                        .append(' ').append(String.format(java.util.Locale.UK, "%.1f%%",
                                100.0 * efiCategories[category.ordinal()] / Math.max(1, withEfi())));
            }
            return "Risk scores recomputed for " + people + " people in " + took.toMillis() + " ms; "
                    + withEfi() + " aged 65 or over: " + shares;
        }
    }

    /** Recomputes everyone's scores, replacing the stored ones in one transaction. */
    public Summary recomputeAll() {
        long started = System.nanoTime();
        Instant now = Instant.now();
        try (Connection writer = dataSource.getConnection(); Connection reader = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            reader.setAutoCommit(false);
            reader.setReadOnly(true);
            try {
                if (!tryLock(writer)) {
                    writer.rollback();
                    return new Summary(true, 0, new long[RiskProfile.Category.values().length], Duration.ZERO);
                }
                try (Statement delete = writer.createStatement()) {
                    delete.execute("delete from risk_score");
                }
                CopyIn copy = writer.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY risk_score (" + RiskScores.COLUMNS + ") FROM STDIN");
                long[] people = new long[1];
                long[] categories = new long[RiskProfile.Category.values().length];
                StringBuilder buffer = new StringBuilder(CHUNK + 8192);
                RiskScores.streamFacts(reader, definitions.relevantCodes(), now, null, facts ->
                        scoring.score(facts, now).ifPresent(profile -> {
                            RiskRows.appendCopyLine(buffer, profile);
                            people[0]++;
                            if (profile.efi() != null) {
                                categories[profile.efi().category().ordinal()]++;
                            }
                            if (buffer.length() >= CHUNK) {
                                send(copy, buffer);
                            }
                        }));
                send(copy, buffer);
                copy.endCopy();
                reader.commit();
                writer.commit();
                return new Summary(false, people[0], categories, Duration.ofNanos(System.nanoTime() - started));
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                reader.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Risk recomputation failed: " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select pg_try_advisory_xact_lock(" + LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void send(CopyIn copy, StringBuilder buffer) {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("Writing risk scores failed: " + e.getMessage(), e);
        }
        buffer.setLength(0);
    }

    /**
     * Recomputes these people's scores in the caller's transaction (or a new one): living people get fresh scores,
     * people who have died or been merged into another lose theirs.
     */
    @Transactional
    public List<RiskProfile> recompute(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<RiskProfile> profiles = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            RiskScores.streamFacts(connection, definitions.relevantCodes(), now, Set.copyOf(personIds),
                    facts -> scoring.score(facts, now).ifPresent(profiles::add));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading facts for risk scores failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        scores.replace(personIds, profiles);
        return profiles;
    }
}
