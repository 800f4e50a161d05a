package org.careweave.fhir;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Copies JSON values from a parser to a generator token by token. Numbers are copied as written (a FHIR decimal's
 * precision is in its digits: 1.50 is not 1.5), and the string value of every {@code reference} property, at any
 * depth, is written by {@code references}.
 */
final class TokenCopy {

    /** Writes the value of a {@code reference} property, given as written. */
    @FunctionalInterface
    interface References {

        void write(JsonGenerator out, String reference);
    }

    private final JsonParser in;
    private final JsonGenerator out;
    private final References references;

    TokenCopy(JsonParser in, JsonGenerator out, References references) {
        this.in = in;
        this.out = out;
        this.references = references;
    }

    /**
     * Copies the value the parser is on, leaving the parser on its last token.
     *
     * @param name the name of the property whose value it is, or null in an array
     */
    void value(JsonToken token, String name) {
        switch (token) {
            case START_OBJECT -> {
                out.writeStartObject();
                String member;
                while ((member = in.nextName()) != null) {
                    out.writeName(member);
                    value(in.nextToken(), member);
                }
                out.writeEndObject();
            }
            case START_ARRAY -> {
                out.writeStartArray();
                JsonToken element;
                while ((element = in.nextToken()) != JsonToken.END_ARRAY) {
                    value(element, null);
                }
                out.writeEndArray();
            }
            case VALUE_STRING -> {
                if ("reference".equals(name)) {
                    references.write(out, in.getString());
                } else {
                    out.writeString(in.getStringCharacters(), in.getStringOffset(), in.getStringLength());
                }
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(in.getString());
            case VALUE_TRUE, VALUE_FALSE -> out.writeBoolean(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> out.writeNull();
            default -> throw new IllegalStateException("Unexpected JSON token " + token);
        }
    }
}
