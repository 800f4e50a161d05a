package org.careweave.risk;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad risk data file into one sentence naming the file and line and one naming the setting to fix. */
class RiskFileFailureAnalyzer extends AbstractFailureAnalyzer<RiskFileInvalid> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RiskFileInvalid cause) {
        return new FailureAnalysis("CareWeave cannot use a risk data file: " + cause.getMessage(),
                "Correct the file, or set " + cause.setting() + " to a correct file (leave it empty to use the file "
                        + "CareWeave ships).", cause);
    }
}
