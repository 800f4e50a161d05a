package org.careweave.synth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data created on the first start of an empty database ({@code careweave.demo.*}).
 *
 * @param enabled                 generate when the person table is empty
 * @param residents               how many residents
 * @param seed                    generation seed
 * @param allowExternalDatabase   also on an external database (demo users have published passwords)
 */
@ConfigurationProperties("careweave.demo")
record DemoSettings(@DefaultValue("true") boolean enabled, @DefaultValue("30000") int residents,
                    @DefaultValue("42") long seed, @DefaultValue("false") boolean allowExternalDatabase) {

    static final String ALLOW_EXTERNAL = "careweave.demo.allow-external-database";

    DemoSettings {
        if (residents < 0 || residents > GenerationRequest.MAX_RESIDENTS) {
            throw new IllegalArgumentException("careweave.demo.residents must be between 0 and "
                    + GenerationRequest.MAX_RESIDENTS + ", not " + residents);
        }
    }

    /** Demo users and data may go into the database with this URL (blank = the embedded one). */
    boolean allowedOn(String datasourceUrl) {
        return datasourceUrl == null || datasourceUrl.isBlank() || allowExternalDatabase;
    }
}
