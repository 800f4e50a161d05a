package org.careweave.organisation;

import java.util.Set;

import org.careweave.shared.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganisationNavigation {

    @Bean
    NavigationEntry organisationsNavigation() {
        return new NavigationEntry("Organisations", "/organisations", 80, Set.of());
    }
}
