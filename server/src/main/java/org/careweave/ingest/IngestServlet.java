package org.careweave.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.careweave.access.AccessContext;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.core.AuthenticationException;

/**
 * {@code POST /fhir}: a partner system's transaction or batch bundle. Mapped exactly to {@code /fhir} and
 * {@code /fhir/} so that HAPI's parser never sees these bundles; every other request to those two paths is handed to
 * the HAPI servlet unchanged.
 */
class IngestServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(IngestServlet.class);
    private static final String FHIR_JSON = "application/fhir+json";

    private final transient BundleIngest ingest;
    private final transient Callers callers;
    private final long maxBytes;

    IngestServlet(BundleIngest ingest, Callers callers, long maxBytes) {
        this.ingest = ingest;
        this.callers = callers;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            getServletContext().getNamedDispatcher("fhir").forward(request, response);
            return;
        }
        try {
            AccessContext who = callers.current(Purpose.DIRECT_CARE);
            if (!who.isPartnerSystem()) {
                throw new BundleRejected(403, "Only partner systems, acting for their organisation with a bearer "
                        + "token that names no person's roles, may submit bundles; staff enter records through their "
                        + "own systems");
            }
            byte[] body = body(request);
            IngestResult result = ingest.ingest(who, body);
            response.setStatus(200);
            response.setContentType(FHIR_JSON);
            BundleResponses.bundle(result, response.getOutputStream());
        } catch (BundleRejected e) {
            answer(response, e.status(), e);
        } catch (AuthenticationException e) {
            answer(response, 401, new BundleRejected(401, e.getMessage()));
        } catch (RuntimeException e) {
            // A fault of ours or the database's. Their messages can quote the values refused, so neither the log nor
            // the answer carries them.
            String incident = java.util.UUID.randomUUID().toString();
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            StackTraceElement at = cause.getStackTrace().length > 0 ? cause.getStackTrace()[0] : null;
            log.error("A bundle could not be stored: incident {}, {} at {} (SQL state {})", incident,
                    cause.getClass().getName(), at, cause instanceof java.sql.SQLException sql ? sql.getSQLState() : "none");
            answer(response, 500, new BundleRejected(500, "CareWeave could not store the bundle; it is logged as "
                    + "incident " + incident + ". Resend it later (a resend changes nothing already stored), or give "
                    + "the incident id to the service desk."));
        }
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1 << 16);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = request.getInputStream()) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                if (body.size() + read > maxBytes) {
                    throw tooLarge();
                }
                body.write(buffer, 0, read);
            }
        }
        if (body.size() == 0) {
            throw new BundleRejected(400, "The request has no body; send a FHIR Bundle as application/fhir+json");
        }
        return body.toByteArray();
    }

    private BundleRejected tooLarge() {
        return new BundleRejected(413, "The bundle is larger than " + maxBytes + " bytes "
                + "(careweave.ingest.max-bundle-bytes); split it into several bundles");
    }

    private static void answer(HttpServletResponse response, int status, BundleRejected rejection) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(FHIR_JSON);
        BundleResponses.outcome(rejection.issues(), response.getOutputStream());
    }
}
