package org.careweave.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test application context at a fresh, empty database.
 *
 * <p>Each context gets its own data folder under {@code target/test-databases}; by default its own embedded
 * PostgreSQL lives there. When the environment
 * variable {@code CAREWEAVE_TEST_DB_URL} names an external server (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), a new database is created on it for each context instead and
 * dropped when the context closes, so runs never see each other's data.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String EXTERNAL_URL_VARIABLE = "CAREWEAVE_TEST_DB_URL";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("careweave.data-dir", newTemporaryFolder().toString());
        String external = System.getenv(EXTERNAL_URL_VARIABLE);
        if (external == null || external.isBlank()) {
            properties.put("spring.datasource.url", "");
        } else {
            properties.put("spring.datasource.url", freshDatabaseOn(external, context));
            properties.put("spring.datasource.username", userOf());
            // Up to spring.test.context.cache.maxSize contexts are open at once on one server: keep within its
            // max_connections (100 by default).
            properties.put("spring.datasource.hikari.maximum-pool-size", "6");
            properties.put("careweave.demo.allow-external-database", "true");
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("careweave-test-database", properties));
    }

    /** Under the build's target folder, so a clean build or a fresh clone leaves none behind. */
    private static Path newTemporaryFolder() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-databases"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "careweave-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create a temporary folder for the embedded test database", e);
        }
    }

    private static String userOf() {
        String user = System.getenv("CAREWEAVE_TEST_DB_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    private static String freshDatabaseOn(String serverUrl, ConfigurableApplicationContext context) {
        String name = "careweave_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(serverUrl, userOf(), System.getenv("CAREWEAVE_TEST_DB_PASSWORD"))) {
            admin.createStatement().execute("create database " + name + " template template0 encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + serverUrl + ": " + e.getMessage(), e);
        }
        // Registered before any bean, so destroyed after all of them: the database goes once the context's pool
        // is closed. A JVM shutdown hook raced the contexts' own shutdown and cut their connections mid-close.
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("careweaveTestDatabaseDrop",
                () -> dropQuietly(serverUrl, name));
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    private static void dropQuietly(String serverUrl, String name) {
        try (Connection admin = DriverManager.getConnection(serverUrl, userOf(), System.getenv("CAREWEAVE_TEST_DB_PASSWORD"))) {
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
