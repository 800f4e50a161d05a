package org.careweave.identity;

import org.careweave.organisation.OrganisationType;
import org.careweave.organisation.Organisations;
import org.careweave.organisation.Staff;
import org.careweave.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies {@link BootstrapSettings} at every start; running it again updates rather than duplicates. */
@Component
@Profile("!command")
@Order(0)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final BootstrapSettings settings;
    private final Organisations organisations;
    private final SystemClients clients;
    private final Staff staff;

    Bootstrap(BootstrapSettings settings, Organisations organisations, SystemClients clients, Staff staff) {
        this.settings = settings;
        this.organisations = organisations;
        this.clients = clients;
        this.staff = staff;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (settings.organisation().isBlank()) {
            return;
        }
        OrganisationType type;
        try {
            type = OrganisationType.valueOf(settings.organisationType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("careweave.bootstrap.organisation-type must be one of "
                    + java.util.Arrays.toString(OrganisationType.values()));
        }
        long organisation = organisations.ensure(settings.organisation(), settings.organisationName(), type);
        if (!settings.clientId().isBlank()) {
            clients.register(settings.clientId(), organisation, settings.clientSecret(), null, true);
            log.info("Bootstrap system client {} is registered for organisation {}", settings.clientId(),
                    settings.organisation());
        }
        if (!settings.adminUser().isBlank()) {
            staff.ensureUser(settings.adminUser(), "Administrator", settings.adminPassword(), Role.ADMINISTRATOR,
                    organisation);
            log.info("Bootstrap administrator {} is set up for organisation {}", settings.adminUser(),
                    settings.organisation());
        }
    }
}
