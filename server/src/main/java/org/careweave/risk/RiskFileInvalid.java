package org.careweave.risk;

import org.careweave.shared.DataFileInvalid;

/** A risk data file that cannot be right, with the setting that names the file, for the start-up failure message. */
final class RiskFileInvalid extends DataFileInvalid {

    private final String setting;

    RiskFileInvalid(String setting, DataFileInvalid problem) {
        super(problem.getMessage());
        initCause(problem);
        this.setting = setting;
    }

    String setting() {
        return setting;
    }
}
