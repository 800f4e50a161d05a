package org.careweave.fhir;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.careweave.ingest.ServedCopyMaker;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Served copies of stored resources (the layout is in V79): made once at ingest for resources with many references
 * into their own bundle, such as Synthea's Provenance, and written into answers as they are, with resourceType, id
 * and CareWeave's meta put in front and the few references left as sent resolved. Serving one parses nothing.
 */
@Component
class ServedCopyJson implements ServedCopyMaker {

    /** Brackets a reference left as sent; compact JSON never holds it unescaped. */
    private static final char MARK = '\u0001';
    private static final String START = "{\"meta\":{";

    @Override
    public String copyOf(byte[] resource, Function<String, String> itemTargets) {
        TokenCopy.References references = (out, written) -> {
            String target = written.startsWith("#") ? null : itemTargets.apply(written);
            if (target != null) {
                out.writeString(RecordItemMapper.servedReference(target));
            } else {
                out.writeRawValue("\"" + MARK + escaped(written) + MARK + "\"");
            }
        };
        StringWriter meta = new StringWriter();
        StringWriter members = new StringWriter(resource.length / 2);
        try (JsonParser in = StoredJson.FACTORY.createParser(resource);
             JsonGenerator metaOut = StoredJson.FACTORY.createGenerator(meta);
             JsonGenerator membersOut = StoredJson.FACTORY.createGenerator(members)) {
            TokenCopy metaCopy = new TokenCopy(in, metaOut, references);
            TokenCopy membersCopy = new TokenCopy(in, membersOut, references);
            in.nextToken();
            metaOut.writeStartObject();
            membersOut.writeStartObject();
            StoredJson.members(in, membersOut, membersCopy, () -> StoredJson.partnerMeta(in, metaOut, metaCopy));
            metaOut.writeEndObject();
            membersOut.writeEndObject();
        }
        String rest = members.toString();
        return "{\"meta\":" + meta + (rest.length() > 2 ? "," + rest.substring(1) : "}");
    }

    /** The references a copy left as sent, to resolve when it is served; local ones ({@code #id}) excepted. */
    static Set<String> referencesIn(String copy) {
        Set<String> references = new HashSet<>();
        int mark = copy.indexOf(MARK);
        while (mark >= 0) {
            int end = copy.indexOf(MARK, mark + 1);
            String written = unescaped(copy, mark + 1, end);
            if (!written.startsWith("#")) {
                references.add(written);
            }
            mark = copy.indexOf(MARK, end + 1);
        }
        return references;
    }

    /**
     * Writes the copy as the next value, as the stub's resource with the stub's id and meta.
     *
     * @param served the served form of each reference left as sent
     */
    static void write(JsonGenerator out, String copy, Resource stub, UnaryOperator<String> served) {
        if (!copy.startsWith(START)) {
            throw new IllegalStateException("A served copy starts with " + START);
        }
        Meta own = stub.getMeta();
        StringBuilder head = new StringBuilder(200).append("{\"resourceType\":");
        quoted(head, stub.fhirType()).append(",\"id\":");
        quoted(head, stub.getIdElement().getIdPart()).append(",\"meta\":{\"versionId\":");
        quoted(head, own.getVersionId()).append(",\"lastUpdated\":");
        quoted(head, own.getLastUpdatedElement().getValueAsString()).append(",\"source\":");
        quoted(head, own.getSource());
        if (copy.charAt(START.length()) != '}') {
            head.append(',');
        }
        out.writeRawValue(head.toString());
        // The rest is the sender's meta members, the brace closing meta, the other members and the closing brace.
        int from = START.length();
        int mark;
        while ((mark = copy.indexOf(MARK, from)) >= 0) {
            int end = copy.indexOf(MARK, mark + 1);
            out.writeRaw(copy, from, mark - from);
            out.writeRaw(escaped(served.apply(unescaped(copy, mark + 1, end))));
            from = end + 1;
        }
        out.writeRaw(copy, from, copy.length() - from);
    }

    private static StringBuilder quoted(StringBuilder json, String value) {
        return json.append('"').append(escaped(value)).append('"');
    }

    /** A string's content as a JSON string literal holds it (quotes, backslashes and control characters escaped). */
    private static String escaped(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsCharArray(value));
    }

    /** The text between {@code from} and {@code to}, a JSON string's content, unescaped. */
    private static String unescaped(String copy, int from, int to) {
        String content = copy.substring(from, to);
        return content.indexOf('\\') < 0 ? content : ReferenceRewriter.unescaped('"' + content + '"');
    }
}
