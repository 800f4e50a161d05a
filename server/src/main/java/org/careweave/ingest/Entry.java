package org.careweave.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careweave.record.ItemOutcome;

/**
 * One bundle entry on its way in: what it is, what is wrong with it, and, once written, where it landed.
 * Mutable, and confined to the request that read it.
 */
final class Entry {

    /**
     * The longest value CareWeave indexes from an entry. A PostgreSQL index entry holds about 2,700 bytes, and a
     * character takes up to four; FHIR ids are at most 64 characters.
     */
    static final int LONGEST_INDEXED = 512;

    private static final Pattern RELATIVE = Pattern.compile("([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(/_history/.*)?");

    final RawEntry raw;
    final String type;
    final ResourceKinds kind;
    final String sourceId;
    final ResourceFacts facts;
    final byte[] hash;
    final List<String> problems = new ArrayList<>();

    /** For items: the patient entry of this bundle it is about, or the person found from earlier data. */
    Entry patientEntry;
    Long personId;

    /** Once written. */
    long id;
    int version;
    ItemOutcome.Change change;

    private Entry(RawEntry raw, String type, ResourceKinds kind, String sourceId, ResourceFacts facts, byte[] hash) {
        this.raw = raw;
        this.type = type;
        this.kind = kind;
        this.sourceId = sourceId;
        this.facts = facts;
        this.hash = hash;
    }

    static Entry of(RawEntry raw) {
        List<String> problems = new ArrayList<>();
        if (holdsNul(raw)) {
            problems.add("holds a NUL character (\\u0000), which FHIR strings may not contain and CareWeave cannot "
                    + "store; remove it and resend");
        }
        String method = raw.method() == null ? "POST" : raw.method();
        if (!method.equals("POST") && !method.equals("PUT")) {
            problems.add("request.method " + method + " is not supported; send POST or PUT");
        }
        String type = raw.resource() == null ? null : Json.text(raw.resource(), "resourceType");
        ResourceKinds kind = null;
        if (raw.resource() == null || !raw.resource().isObject()) {
            problems.add("has no resource");
        } else if (type == null) {
            problems.add("has a resource without resourceType");
        } else if ((kind = ResourceKinds.of(type)) == null) {
            problems.add(ResourceKinds.why(type));
        }
        String sourceId = kind == null ? null : sourceId(raw, type);
        if (kind != null && sourceId == null) {
            problems.add("has no id: give the resource an id, a fullUrl or a PUT url so a resend can be recognised");
        }
        ResourceFacts facts = kind == null ? null : ResourceFacts.of(type, raw.read());
        String tooLong = tooLong(raw, type, sourceId, facts);
        if (tooLong != null) {
            problems.add("has " + tooLong + " longer than " + LONGEST_INDEXED + " characters; CareWeave indexes "
                    + "ids, fullUrls, identifiers and patients' names, and keeps each to that length");
        }
        Entry entry = new Entry(raw, type, kind, sourceId, facts, kind == null ? null : md5(raw.raw()));
        entry.problems.addAll(problems);
        if (facts != null) {
            entry.problems.addAll(facts.problems());
        }
        return entry;
    }

    /** What of the entry is too long to index, or null. */
    private static String tooLong(RawEntry raw, String type, String sourceId, ResourceFacts facts) {
        List<String> what = new ArrayList<>();
        if (longer(raw.fullUrl())) {
            what.add("a fullUrl");
        }
        if (longer(sourceId)) {
            what.add("an id");
        }
        if (facts != null && facts.identifiers().stream().anyMatch(Entry::longer)) {
            what.add("an identifier");
        }
        if ("Patient".equals(type) && longer(Json.text(Json.first(raw.resource(), "name"), "family"))) {
            what.add("a family name");
        }
        return what.isEmpty() ? null : String.join(" and ", what);
    }

    private static boolean longer(String value) {
        return value != null && value.length() > LONGEST_INDEXED;
    }

    /** Whether the entry holds U+0000: JSON can escape it, PostgreSQL text cannot store it. */
    private static boolean holdsNul(RawEntry raw) {
        return (raw.fullUrl() != null && raw.fullUrl().indexOf('\0') >= 0)
                || (raw.url() != null && raw.url().indexOf('\0') >= 0)
                || (raw.raw() != null && escapesNul(raw.raw()));
    }

    /** Finds JSON's escape for U+0000 (backslash, u, four zeros), not an escaped backslash followed by "u0000". */
    static boolean escapesNul(byte[] json) {
        for (int i = 0; i + 5 < json.length; i++) {
            if (json[i] == '\\') {
                if (json[i + 1] == 'u' && json[i + 2] == '0' && json[i + 3] == '0' && json[i + 4] == '0'
                        && json[i + 5] == '0') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    String label() {
        return raw.label();
    }

    String key() {
        return type + "/" + sourceId;
    }

    /** "Type/id" references: the type and id, or null when the text is not one. */
    static String[] relative(String reference) {
        Matcher matcher = RELATIVE.matcher(reference);
        return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : null;
    }

    private static String sourceId(RawEntry raw, String type) {
        String id = Json.text(raw.resource(), "id");
        if (id != null && !id.isBlank()) {
            return id;
        }
        if (raw.url() != null) {
            String[] put = relative(raw.url());
            if (put != null && put[0].equals(type)) {
                return put[1];
            }
        }
        String fullUrl = raw.fullUrl();
        if (fullUrl != null && !fullUrl.isBlank()) {
            return fullUrl.startsWith("urn:uuid:") ? fullUrl.substring(9) : fullUrl;
        }
        return null;
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
