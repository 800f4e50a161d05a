package org.careweave.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careweave.ingest.ReceivedResources;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;

/**
 * Stored resources keep the references their sender wrote: {@code urn:uuid:} fullUrls of the bundle, the sender's
 * own {@code Type/id}, conditional {@code Type?identifier=system|value}. When served, each is replaced by the
 * {@code Type/id} of what CareWeave serves for it, in the served copy only; the stored JSON is never changed.
 * References that lead to nothing CareWeave holds (another server's URL, contained resources) are left as written.
 */
@Component
class ReferenceRewriter {

    private static final String QUOTED_NAME = "\"reference\"";

    private final ReceivedResources received;

    ReferenceRewriter(ReceivedResources received) {
        this.received = received;
    }

    /**
     * A stored resource about to be served: its JSON as its sender wrote it, or its served copy (see
     * {@link ServedCopyJson}), and the organisation that sent it, within whose resources its references are resolved.
     */
    record Sent(String json, boolean servedCopy, long sourceOrganisationId) {

        Set<String> references() {
            return servedCopy ? ServedCopyJson.referencesIn(json) : referencesIn(json);
        }
    }

    /**
     * Finds the references in all these resources (in a served copy, only those it left as sent) and looks them all
     * up in one statement.
     *
     * @return for each resource, in order, the served {@code Type/id} for each reference in it that CareWeave rewrites
     */
    List<Map<String, String>> served(List<Sent> resources) {
        List<Set<String>> written = new ArrayList<>(resources.size());
        Set<ReceivedResources.SourceReference> wanted = new HashSet<>();
        for (Sent sent : resources) {
            Set<String> found = sent.references();
            written.add(found);
            found.forEach(reference -> wanted.add(new ReceivedResources.SourceReference(sent.sourceOrganisationId(),
                    reference)));
        }
        Map<ReceivedResources.SourceReference, String> targets = received.targets(wanted);
        List<Map<String, String>> served = new ArrayList<>(resources.size());
        for (int i = 0; i < resources.size(); i++) {
            Map<String, String> rewritten = new HashMap<>();
            long source = resources.get(i).sourceOrganisationId();
            for (String reference : written.get(i)) {
                String target = targets.get(new ReceivedResources.SourceReference(source, reference));
                if (target != null) {
                    rewritten.put(reference, RecordItemMapper.servedReference(target));
                }
            }
            served.add(rewritten);
        }
        return served;
    }

    /**
     * The value of every {@code reference} string property, at any depth (Reference.reference, in contained resources
     * and extensions too), except local references to contained resources ({@code #id}).
     *
     * <p>Found by searching the text for the quoted name rather than reading every token, which cost more than the
     * rest of the lookup for large resources. Stored resources were parsed when received, so the JSON is valid, and in
     * valid JSON a quote with an even number of backslashes before it always opens or closes a string; one that opens
     * {@code "reference"} followed by a colon opens that property's name. A name written with escapes
     * ({@code "refer\u0065nce"}) is not found, and such a reference is served as written.
     */
    static Set<String> referencesIn(String json) {
        Set<String> references = new HashSet<>();
        int at = 0;
        while ((at = json.indexOf(QUOTED_NAME, at)) >= 0) {
            int next = at + QUOTED_NAME.length();
            if (!escaped(json, at)) {
                int colon = skipWhitespace(json, next);
                int quote = colon < json.length() && json.charAt(colon) == ':' ? skipWhitespace(json, colon + 1) : -1;
                if (quote >= 0 && quote < json.length() && json.charAt(quote) == '"') {
                    next = endOfString(json, quote);
                    String literal = json.substring(quote + 1, next - 1);
                    String reference = literal.indexOf('\\') < 0 ? literal : unescaped(json.substring(quote, next));
                    if (!reference.startsWith("#")) {
                        references.add(reference);
                    }
                }
            }
            at = next;
        }
        return references;
    }

    /** Whether the character at {@code at} follows an odd number of backslashes. */
    private static boolean escaped(String json, int at) {
        int backslashes = 0;
        while (at - backslashes > 0 && json.charAt(at - backslashes - 1) == '\\') {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int skipWhitespace(String json, int at) {
        while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The index just after the quote that closes the string opened at {@code quote}. */
    private static int endOfString(String json, int quote) {
        int at = quote + 1;
        while (json.charAt(at) != '"') {
            at += json.charAt(at) == '\\' ? 2 : 1;
        }
        return at + 1;
    }

    /** A JSON string literal, quotes included, as the text it stands for. */
    static String unescaped(String literal) {
        try (JsonParser parser = StoredJson.FACTORY.createParser(literal)) {
            parser.nextToken();
            return parser.getString();
        }
    }
}
