package org.careweave.identity;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** Puts the client's organisation and roles into the access tokens the embedded server issues. */
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String CLIENT_CLAIM = "careweave_client";

    private final SystemClients clients;
    private final IdentitySettings settings;

    AccessTokenClaims(SystemClients clients, IdentitySettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return;
        }
        SystemClients.Client client = clients.find(context.getRegisteredClient().getClientId()).orElseThrow();
        context.getClaims()
                .claim(settings.organisationClaim(), client.organisationCode())
                .claim(settings.rolesClaim(), client.administrator() ? List.of("ADMINISTRATOR") : List.of())
                .claim(CLIENT_CLAIM, true);
    }
}
