package org.careweave.population;

import java.util.Set;

import org.careweave.shared.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PopulationNavigation {

    @Bean
    NavigationEntry neighbourhoodNavigation() {
        return new NavigationEntry("Neighbourhood profile", "/neighbourhood", 20, Set.of());
    }
}
