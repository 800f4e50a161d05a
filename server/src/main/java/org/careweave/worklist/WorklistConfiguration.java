package org.careweave.worklist;

import java.util.Set;

import org.careweave.shared.NavigationEntry;
import org.careweave.shared.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorklistSettings.class)
@EnableScheduling
class WorklistConfiguration {

    /** Fails start-up with the line to fix when the calendar file is wrong. */
    @Bean
    WorkingDays workingDays(WorklistSettings settings, ResourceLoader resources) {
        return WorkingDays.load(resources.getResource(settings.bankHolidays()), "bank-holidays");
    }

    @Bean
    NavigationEntry worklistNavigation() {
        return new NavigationEntry("Worklist", "/worklist", 5, Set.of(Role.GP, Role.NURSE, Role.SOCIAL_WORKER,
                Role.CARE_COORDINATOR, Role.LINK_WORKER, Role.MENTAL_HEALTH_PRACTITIONER));
    }
}
