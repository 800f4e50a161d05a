package org.careweave.casefinding;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.careweave.shared.NavigationEntry;
import org.careweave.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseFindingNavigation {

    @Bean
    NavigationEntry caseFindingEntry() {
        return new NavigationEntry("Case finding", "/case-finding", 25, Set.of());
    }

    @Bean
    NavigationEntry caseloadEntry() {
        return new NavigationEntry("Caseload", "/caseload", 26, Arrays.stream(Role.values())
                .filter(Role::caresDirectly).collect(Collectors.toSet()));
    }
}
