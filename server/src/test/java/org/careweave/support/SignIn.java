package org.careweave.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in through the real login form (CSRF token and session cookie included) and keeps the session. */
public final class SignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final Http http;
    private String session;

    public SignIn(Http http) {
        this.http = http;
    }

    /** Posts the form and answers where the server sent the browser (the Location header). */
    public String as(String username, String password) {
        HttpResponse<String> page = http.get("/login");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        session = cookie(page);
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String renewed = cookie(response);
        if (renewed != null) {
            session = renewed;
        }
        return response.headers().firstValue("Location").orElse("");
    }

    /** GET with this session's cookie. */
    public HttpResponse<String> get(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = "JSESSIONID=" + session;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.get(path, all);
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
