package org.careweave.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP against the running test server, over a real socket. Redirects are not followed. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A FHIR read or search with a bearer token. */
    public HttpResponse<String> fhirGet(String path, String token) {
        return get(path, "Authorization", "Bearer " + token, "Accept", "application/fhir+json");
    }

    /** A FHIR Bundle POSTed to {@code /fhir} with a bearer token. */
    public HttpResponse<String> fhirPost(String token, String bundle) {
        return send(HttpRequest.newBuilder(URI.create(url("/fhir")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public String url(String path) {
        return base + path;
    }
}
