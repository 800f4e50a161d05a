package org.careweave.identity;

import java.util.Collection;
import java.util.List;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffAccount;
import org.careweave.shared.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach what, before any feature's own access policy is asked. Deny by default. Three filter chains: the
 * embedded authorisation server's endpoints, the APIs (bearer tokens, or the browser's session), and the web UI.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain apis(HttpSecurity http, JwtDecoder tokens, IdentitySettings settings) throws Exception {
        http.securityMatcher("/fhir/**", "/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/fhir/metadata").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(callerOf(settings)))
                        .authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
                // FHIR writes are accepted only from bearer-token clients, so a FHIR request without a token is refused as
                // unauthenticated (401) rather than as a missing CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || request.getRequestURI().startsWith(request.getContextPath() + "/fhir")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(3)
    @ConditionalOnWebApplication
    SecurityFilterChain webUi(HttpSecurity http) throws Exception {
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
                                                jakarta.servlet.http.HttpServletResponse response,
                                                org.springframework.security.core.AuthenticationException exception)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                if (exception instanceof LockedException) {
                    getRedirectStrategy().sendRedirect(request, response, "/login?locked");
                } else {
                    super.onAuthenticationFailure(request, response, exception);
                }
            }
        };
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failure)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID").permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionUrl("/login?expired"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Publishes refusals so the audit trail records them (Spring Security publishes none by default). */
    @Bean
    org.springframework.security.authorization.AuthorizationEventPublisher authorizationEvents(
            org.springframework.context.ApplicationEventPublisher publisher) {
        return new org.springframework.security.authorization.SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Staff staff, SignInLockout lockout) {
        return username -> staff.findAccount(username)
                .map(account -> principalOf(account, lockout.isLocked(username)))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    private static StaffPrincipal principalOf(StaffAccount account, boolean locked) {
        var roles = account.roles().stream()
                .map(r -> new SignedInUser.RoleHeld(r.role(), r.organisationCode(), r.organisationName()))
                .toList();
        var authorities = account.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.role().authority()))
                .distinct().toList();
        return new StaffPrincipal(new SignedInUser(account.username(), account.displayName(), roles),
                account.passwordHash(), account.enabled(), locked, authorities);
    }

    /** Bearer token claims to a caller: the roles claim gives ROLE_ authorities, the subject the name. */
    static Converter<Jwt, AbstractAuthenticationToken> callerOf(IdentitySettings settings) {
        return jwt -> {
            Collection<String> claimed = jwt.hasClaim(settings.rolesClaim())
                    ? jwt.getClaimAsStringList(settings.rolesClaim()) : List.of();
            List<GrantedAuthority> authorities = claimed.stream()
                    .filter(name -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                    .map(name -> (GrantedAuthority) new SimpleGrantedAuthority(Role.valueOf(name).authority()))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    /** The embedded authorisation server, unless an external OpenID Connect provider is trusted instead. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    @ConditionalOnExpression("'${careweave.security.oidc-issuer-uri:}'.isBlank()")
    static class EmbeddedAuthorizationServer {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http, ClientAssertionDecoders assertions)
                throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, config -> config.clientAuthentication(client -> client
                            .authenticationConverters(converters -> converters.add(0, new SmartClientAssertionConverter()))
                            .authenticationProviders(providers -> providers.forEach(provider -> {
                                if (provider instanceof JwtClientAssertionAuthenticationProvider jwtProvider) {
                                    jwtProvider.setJwtDecoderFactory(assertions);
                                }
                            }))))
                    .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
            return http.build();
        }

        @Bean
        JWKSource<SecurityContext> tokenSigningKeys(JdbcClient jdbc) {
            return new ImmutableJWKSet<>(new TokenSigningKeys(jdbc).load());
        }

        @Bean
        JwtDecoder accessTokenDecoder(JWKSource<SecurityContext> keys) {
            return new VerifiedTokens(NimbusJwtDecoder.withJwkSource(keys).build());
        }

        @Bean
        RegisteredClientRepository registeredClients(SystemClients clients, IdentitySettings settings) {
            return new ClientRegistrations(clients, settings);
        }

        @Bean
        OAuth2AuthorizationService authorizations() {
            return new StatelessAuthorizations();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        AccessTokenClaims accessTokenClaims(SystemClients clients, IdentitySettings settings) {
            return new AccessTokenClaims(clients, settings);
        }

        @Bean
        ClientAssertionDecoders clientAssertionDecoders(SystemClients clients, JdbcClient jdbc) {
            return new ClientAssertionDecoders(clients, jdbc);
        }
    }

    /** Trust bearer tokens from an external OpenID Connect provider. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    @ConditionalOnExpression("!'${careweave.security.oidc-issuer-uri:}'.isBlank()")
    static class ExternalProvider {

        /** Checks signature (keys from the provider's discovery document), issuer, expiry and, when set, audience. */
        @Bean
        JwtDecoder accessTokenDecoder(IdentitySettings settings) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.oidcIssuerUri()).build();
            OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(settings.oidcIssuerUri());
            if (!settings.oidcAudience().isBlank()) {
                validator = new DelegatingOAuth2TokenValidator<>(validator, new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(settings.oidcAudience())));
            }
            decoder.setJwtValidator(validator);
            return new VerifiedTokens(decoder);
        }
    }
}
