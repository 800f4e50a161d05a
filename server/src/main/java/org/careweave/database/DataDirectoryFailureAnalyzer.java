package org.careweave.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Turns an unusable data folder into one sentence naming the setting to fix. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryNotWritable> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryNotWritable cause) {
        return new FailureAnalysis(
                "CareWeave cannot write its data folder " + cause.dir() + ".",
                "Set careweave.data-dir (environment variable CAREWEAVE_DATA_DIR) to a folder CareWeave may write,"
                        + " or set CAREWEAVE_DB_URL to use an external PostgreSQL server instead.",
                cause);
    }
}
