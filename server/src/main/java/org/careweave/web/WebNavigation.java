package org.careweave.web;

import java.util.Set;

import org.careweave.shared.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebNavigation {

    @Bean
    NavigationEntry homeNavigation() {
        return new NavigationEntry("Home", "/", 0, Set.of());
    }
}
