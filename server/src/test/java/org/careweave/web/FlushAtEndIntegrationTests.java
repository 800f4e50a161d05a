package org.careweave.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A chunked answer carries one chunk per flush, whatever TCP does with the packets, so the chunks on the wire show
 * how often the server flushed. HAPI's encoder flushes after every element.
 */
@CareWeaveTest
class FlushAtEndIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aLargeFhirAnswerGoesOutInBufferSizedChunksNotOnePerElement() throws IOException {
        byte[] answer = get("/fhir/metadata?_pretty=true");
        String text = new String(answer, StandardCharsets.UTF_8);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        assertThat(text).startsWith("HTTP/1.1 200").containsIgnoringCase("Transfer-Encoding: chunked");

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int chunks = readChunks(new ByteArrayInputStream(answer, bodyStart, answer.length - bodyStart), body);
        String json = body.toString(StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\n  \"resourceType\": \"CapabilityStatement\"").endsWith("}");
        assertThat(body.size()).isGreaterThan(FlushAtEnd.BUFFER_SIZE);
        // One chunk per buffer filled. Flushed element by element, it was one chunk per 30 bytes or so.
        assertThat(chunks).isLessThanOrEqualTo(body.size() / (FlushAtEnd.BUFFER_SIZE / 2) + 2);
    }

    @Test
    void anAnswerSmallerThanTheBufferLeavesWholeWithItsLength() throws IOException {
        String text = new String(get("/fhir/metadata?_summary=true"), StandardCharsets.UTF_8);
        String body = text.substring(text.indexOf("\r\n\r\n") + 4);

        assertThat(text).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Transfer-Encoding: chunked")
                .containsIgnoringCase("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
        assertThat(body).startsWith("{\"resourceType\":\"CapabilityStatement\"").endsWith("}").hasSizeGreaterThan(1_000);
    }

    private byte[] get(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/fhir+json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket.getInputStream().readAllBytes();
        }
    }

    /** @return the number of data chunks */
    private static int readChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        int chunks = 0;
        while (true) {
            int size = Integer.parseInt(line(in).trim(), 16);
            if (size == 0) {
                return chunks;
            }
            body.write(in.readNBytes(size));
            line(in);
            chunks++;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("answer ended inside a chunk header");
            }
            line.append((char) c);
        }
        return line.toString();
    }
}
