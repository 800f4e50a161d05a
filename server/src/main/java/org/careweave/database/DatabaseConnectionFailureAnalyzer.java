package org.careweave.database;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Turns a database that cannot be reached or signed in to into one sentence naming the settings to fix. Only
 * connection and authentication failures are claimed; any other SQL error keeps Spring Boot's own report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseConnectionFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isConnectionProblem(t)) {
                return new FailureAnalysis(
                        "CareWeave cannot connect to the database at " + configuredUrl() + ": " + t.getMessage(),
                        "Check CAREWEAVE_DB_URL (spring.datasource.url), CAREWEAVE_DB_USER and CAREWEAVE_DB_PASSWORD,"
                                + " or unset CAREWEAVE_DB_URL to use the embedded database.",
                        failure);
            }
        }
        return null;
    }

    private static boolean isConnectionProblem(Throwable t) {
        if (t instanceof ConnectException || t instanceof UnknownHostException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("28") || state.equals("3D000");
        }
        return false;
    }

    /** The URL without its query string, which may carry a password. */
    private String configuredUrl() {
        String url = environment.getProperty("spring.datasource.url", "");
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
