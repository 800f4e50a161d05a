package org.careweave.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in HTTP session against the running application, as a browser without JavaScript would have: cookies,
 * the CSRF token from the sign-in form, no redirects followed unless asked.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client;
    private final String baseUrl;

    private WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static WebSession anonymous(int port) {
        return new WebSession("http://localhost:" + port);
    }

    /** Signs in and fails unless the application redirects to the home page. */
    public static WebSession signedIn(int port, String username, String password) {
        WebSession session = anonymous(port);
        HttpResponse<String> response = session.signIn(username, password);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in as " + username + " failed: " + response.statusCode() + " " + location);
        }
        return session;
    }

    public HttpResponse<String> signIn(String username, String password) {
        Matcher token = CSRF.matcher(get("/login").body());
        if (!token.find()) {
            throw new IllegalStateException("The sign-in page has no CSRF token");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Signs in through the form and answers where the application sent the browser (the Location header). */
    public String as(String username, String password) {
        return signIn(username, password).headers().firstValue("Location").orElse("");
    }

    public HttpResponse<String> get(String path) {
        return get(path, "text/html");
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept).GET().build());
    }

    /**
     * Submits a form as the browser would from {@code page}: with the session's CSRF token and the page as Referer.
     *
     * @param fields names and values, alternately
     */
    public HttpResponse<String> post(String page, String path, String... fields) {
        StringBuilder form = new StringBuilder("_csrf=").append(encode(csrfToken(page)));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html")
                .header("Referer", baseUrl + page).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    /** A REST call as the web UI's scripts make it: JSON, with the session's CSRF token in a header. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrfToken("/"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A REST DELETE as the web UI's scripts make it, with the session's CSRF token in a header. */
    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-CSRF-TOKEN", csrfToken("/"))
                .DELETE().build());
    }

    private String csrfToken(String page) {
        Matcher token = CSRF.matcher(get(page).body());
        if (!token.find()) {
            throw new IllegalStateException(page + " has no CSRF token");
        }
        return token.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
