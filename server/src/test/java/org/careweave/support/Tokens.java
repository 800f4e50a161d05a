package org.careweave.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gets bearer tokens from the running server's token endpoint with client_secret_basic. */
public final class Tokens {

    private Tokens() {
    }

    public static String clientCredentials(Http http, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.url("/oauth2/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }
}
