package org.careweave.worklist;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner systems' rest-hook subscriptions. A client sees and deletes only its own; each is checked on the way in so
 * that a bad one is refused with a message saying what to fix rather than failing at delivery time.
 */
@Service
@Transactional
public class RestHookSubscriptions {

    static final Set<String> CONTENTS = Set.of("full-resource", "id-only", "empty");
    private static final Pattern CRITERIA = Pattern.compile("Encounter(?:\\?patient=(?:Patient/)?([0-9]{1,18}))?");
    private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*([\\x20-\\x7E]*)");
    private static final Set<String> RESERVED_HEADERS = Set.of("connection", "content-length", "content-type", "expect",
            "host", "upgrade", "transfer-encoding");
    private static final String SELECT = """
            select id, client_id, organisation_id, criteria, patient_id, endpoint, headers, content, reason, status,
                   error, events_since_start, created_at
              from fhir_subscription""";

    private final JdbcClient jdbc;

    RestHookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @throws IllegalArgumentException saying what to fix: criteria other than {@code Encounter} or
     *                                  {@code Encounter?patient=Patient/{id}}, an endpoint that is not an absolute
     *                                  http(s) URL, a malformed or reserved header, an unknown payload content
     */
    public RestHookSubscription create(RestHookSubscription.Request request, String clientId, long organisationId) {
        Long patient = patientOf(request.criteria());
        String endpoint = checkedEndpoint(request.endpoint());
        List<String> headers = request.headers() == null ? List.of() : request.headers();
        headers.forEach(RestHookSubscriptions::checkHeader);
        String content = request.content() == null || request.content().isBlank() ? "full-resource" : request.content();
        if (!CONTENTS.contains(content)) {
            throw new IllegalArgumentException("Payload content '" + content + "' is not supported; use one of "
                    + CONTENTS.stream().sorted().toList());
        }
        long id = jdbc.sql("""
                        insert into fhir_subscription (client_id, organisation_id, criteria, patient_id, endpoint, headers,
                                                       content, reason)
                        values (:client, :org, :criteria, :patient, :endpoint, :headers, :content, :reason) returning id""")
                .param("client", clientId).param("org", organisationId).param("criteria", request.criteria().strip())
                .param("patient", patient).param("endpoint", endpoint).param("headers", headers.toArray(String[]::new))
                .param("content", content).param("reason", request.reason()).query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** The subscription, if it is the client's own. */
    @Transactional(readOnly = true)
    public Optional<RestHookSubscription> findOwn(long id, String clientId) {
        return find(id).filter(s -> s.clientId().equals(clientId));
    }

    @Transactional(readOnly = true)
    public List<RestHookSubscription> ofClient(String clientId, String status) {
        return jdbc.sql(SELECT + " where client_id = :client and (cast(:status as text) is null or status = :status) order by id")
                .param("client", clientId).param("status", status).query(RestHookSubscriptions::subscription).list();
    }

    /** Deletes the client's own subscription and its undelivered notifications; false when it has none with this id. */
    public boolean delete(long id, String clientId) {
        return jdbc.sql("delete from fhir_subscription where id = :id and client_id = :client")
                .param("id", id).param("client", clientId).update() == 1;
    }

    @Transactional(readOnly = true)
    Optional<RestHookSubscription> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(RestHookSubscriptions::subscription).optional();
    }

    /** Subscriptions that may want to hear about this person: all-patient ones and the person's own. */
    @Transactional(readOnly = true)
    List<RestHookSubscription> interestedIn(long personId) {
        return jdbc.sql(SELECT + " where status <> 'off' and (patient_id is null or patient_id = :person) order by id")
                .param("person", personId).query(RestHookSubscriptions::subscription).list();
    }

    static Long patientOf(String criteria) {
        Matcher matcher = CRITERIA.matcher(criteria == null ? "" : criteria.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Subscription.criteria '" + criteria + "' is not supported; use "
                    + "'Encounter' for every patient your organisation may see, or 'Encounter?patient=Patient/{id}'");
        }
        return matcher.group(1) == null ? null : Long.valueOf(matcher.group(1));
    }

    private static String checkedEndpoint(String endpoint) {
        String problem = "Subscription.channel.endpoint must be an absolute http or https URL, not '" + endpoint + "'";
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("Subscription.channel.endpoint is required for a rest-hook");
        }
        try {
            URI uri = new URI(endpoint.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null
                    || uri.getFragment() != null) {
                throw new IllegalArgumentException(problem);
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static void checkHeader(String header) {
        Matcher matcher = HEADER.matcher(header == null ? "" : header);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Subscription.channel.header '" + header
                    + "' is not a header; write it as 'Name: value'");
        }
        if (RESERVED_HEADERS.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Subscription.channel.header may not set " + matcher.group(1)
                    + "; CareWeave sets it for each delivery");
        }
    }

    private static RestHookSubscription subscription(ResultSet rs, int row) throws SQLException {
        return new RestHookSubscription(rs.getLong("id"), rs.getString("client_id"), rs.getLong("organisation_id"),
                rs.getString("criteria"), rs.getObject("patient_id", Long.class), rs.getString("endpoint"),
                Arrays.asList((String[]) rs.getArray("headers").getArray()), rs.getString("content"),
                rs.getString("reason"), rs.getString("status"), rs.getString("error"), rs.getLong("events_since_start"),
                rs.getTimestamp("created_at").toInstant());
    }
}
