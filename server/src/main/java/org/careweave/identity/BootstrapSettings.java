package org.careweave.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First-run set-up of a real deployment: the organisation running CareWeave, a system client of that organisation
 * allowed to submit its records and to administer, and a first web administrator. Each part is optional; secrets are
 * never logged.
 */
@ConfigurationProperties("careweave.bootstrap")
record BootstrapSettings(@DefaultValue("") String organisation,
                         @DefaultValue("") String organisationName,
                         @DefaultValue("ICB") String organisationType,
                         @DefaultValue("") String clientId,
                         @DefaultValue("") String clientSecret,
                         @DefaultValue("") String adminUser,
                         @DefaultValue("") String adminPassword) {

    BootstrapSettings {
        if ((!clientId.isBlank() || !adminUser.isBlank()) && organisation.isBlank()) {
            throw new IllegalArgumentException(
                    "careweave.bootstrap.organisation (CAREWEAVE_BOOTSTRAP_ORGANISATION) must name the organisation"
                            + " that the bootstrap client and administrator belong to");
        }
        if (!clientId.isBlank() && clientSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "careweave.bootstrap.client-secret (CAREWEAVE_BOOTSTRAP_CLIENT_SECRET) is required with a client id");
        }
        if (!adminUser.isBlank() && adminPassword.isBlank()) {
            throw new IllegalArgumentException(
                    "careweave.bootstrap.admin-password (CAREWEAVE_BOOTSTRAP_ADMIN_PASSWORD) is required with an admin user");
        }
    }
}
