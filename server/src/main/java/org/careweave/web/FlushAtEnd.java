package org.careweave.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends an answer to the client when the container's buffer fills or the answer is complete, never because a library
 * flushed. HAPI's JSON encoder flushes after every element it writes (its Jackson mapper flushes after each value),
 * which made Tomcat send a 64 KB CapabilityStatement as about 530 chunks of 30 bytes, one system call each; on these
 * machines that cost more CPU than building the answer. No endpoint of CareWeave streams, so nothing needs an early
 * flush. It runs last, inside the security filters, so their response wrappers see the same writes as before.
 * The container's buffer is also larger than Tomcat's 8 KB, so that a FHIR page (a hundred KB for a page of
 * {@code $everything}) leaves in a few system calls rather than fifteen, and most answers whole, with their length.
 */
@Component
class FlushAtEnd extends OncePerRequestFilter {

    static final int BUFFER_SIZE = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setBufferSize(BUFFER_SIZE);
        chain.doFilter(request, new Response(response));
    }

    private static final class Response extends HttpServletResponseWrapper {

        private PrintWriter writer;
        private ServletOutputStream stream;

        Response(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter(), false) {
                    @Override
                    public void flush() {
                    }
                };
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new Stream(super.getOutputStream());
            }
            return stream;
        }
    }

    private static final class Stream extends ServletOutputStream {

        private final ServletOutputStream out;

        Stream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
