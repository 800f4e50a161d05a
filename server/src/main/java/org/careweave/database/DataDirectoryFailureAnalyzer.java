package org.careweave.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Turns an unusable data folder into one sentence saying why and one naming what to do. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryProblem cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
