package org.careweave.identity;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Presents {@link SystemClients} to the authorisation server. Clients are registered there, never through here. */
class ClientRegistrations implements RegisteredClientRepository {

    static final String READ_SCOPE = "system/*.read";
    static final String WRITE_SCOPE = "system/*.write";

    private final SystemClients clients;
    private final IdentitySettings settings;

    ClientRegistrations(SystemClients clients, IdentitySettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Register clients through SystemClients");
    }

    @Override
    public RegisteredClient findById(String id) {
        try {
            return clients.find(Long.parseLong(id)).filter(SystemClients.Client::enabled).map(this::toRegistered)
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return clients.find(clientId).filter(SystemClients.Client::enabled).map(this::toRegistered).orElse(null);
    }

    private RegisteredClient toRegistered(SystemClients.Client client) {
        RegisteredClient.Builder builder = RegisteredClient.withId(Long.toString(client.id()))
                .clientId(client.clientId())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(READ_SCOPE).scope(WRITE_SCOPE)
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(settings.tokenLifetime())
                        .build());
        if (client.hasSecret()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientSecret(clients.secretHash(client.clientId()).orElseThrow());
        }
        if (client.publicKeys() != null) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        }
        return builder.build();
    }
}
