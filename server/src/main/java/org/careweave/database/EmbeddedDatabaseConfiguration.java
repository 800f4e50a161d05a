package org.careweave.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL 17 inside the CareWeave process when no database URL is configured. Its data directory is
 * kept under {@code careweave.data-dir} so data survive restarts. With a URL configured this class is inert and
 * Spring Boot's own data source configuration applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseSettings settings) throws IOException {
        Path dir = settings.embeddedPostgresDir();
        requireWritable(dir);
        LeftoverPostgres.stopIfAny(dir);
        log.info("Starting embedded PostgreSQL in {}", dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Stopped by Spring after everything that uses it (audit queue drained, head anchored, pools closed),
                // not by zonky's own JVM shutdown hook, which raced those and left them waiting on a dead server.
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                // zonky starts PostgreSQL for throwaway test databases (fsync and synchronous commit off); a care
                // record must survive a crash, so both are turned back on (later options win over zonky's -F)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("careweave-embedded");
        dataSource.setMaximumPoolSize(20);
        dataSource.addDataSourceProperty("logServerErrorDetail", "false"); // as for an external one: no rows in logs
        return dataSource;
    }

    private static void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw DataDirectoryProblem.notWritable(dir, e);
        }
        if (!Files.isWritable(dir)) {
            throw DataDirectoryProblem.notWritable(dir, null);
        }
    }
}
