package org.careweave.web;

import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffAccount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Who may reach what, before any feature's own access policy is asked. Deny by default. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        var apiPaths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/fhir/metadata", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").permitAll())
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                apiPaths.matcher("/fhir/**"))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                apiPaths.matcher("/api/**")))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/fhir/**", "/api/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Staff staff) {
        return username -> staff.findAccount(username)
                .map(SecurityConfiguration::principalOf)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    private static StaffPrincipal principalOf(StaffAccount account) {
        var roles = account.roles().stream()
                .map(r -> new SignedInUser.RoleHeld(r.role(), r.organisationCode(), r.organisationName()))
                .toList();
        var authorities = account.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.role().authority()))
                .distinct().toList();
        return new StaffPrincipal(new SignedInUser(account.username(), account.displayName(), roles),
                account.passwordHash(), account.enabled(), authorities);
    }
}
