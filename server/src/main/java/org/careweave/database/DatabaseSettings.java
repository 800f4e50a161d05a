package org.careweave.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded database lives. The external database is configured with Spring's own
 * {@code spring.datasource.*} settings (fed by {@code CAREWEAVE_DB_URL}, {@code CAREWEAVE_DB_USER},
 * {@code CAREWEAVE_DB_PASSWORD}).
 *
 * @param dataDir folder for the embedded database and other files ({@code careweave.data-dir})
 */
@ConfigurationProperties("careweave")
record DatabaseSettings(@DefaultValue("./data") Path dataDir) {

    Path embeddedPostgresDir() {
        return dataDir.toAbsolutePath().normalize().resolve("postgres");
    }
}
