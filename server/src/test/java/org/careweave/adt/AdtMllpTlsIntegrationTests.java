package org.careweave.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careweave.adt.AdtTestMessages.code;
import static org.careweave.adt.AdtTestMessages.visitMessage;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.KeyStore;
import java.util.UUID;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.careweave.adt.AdtTestMessages.Patient;
import org.careweave.adt.AdtTestMessages.Visit;
import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MLLP listener with mutual TLS (a Spring Boot SSL bundle with a truststore): a sender that trusts the server and
 * presents a certificate the bundle trusts gets its ACK; one without a certificate, or without TLS, stores nothing,
 * and a message for a facility the certificate does not name is refused. The test keystore serves as both sides' key
 * and trust; its certificate names facility R9A.
 */
@CareWeaveTest
class AdtMllpTlsIntegrationTests {

    static final int MLLP_PORT = AdtMllpIntegrationTests.freePort();
    static final String KEYSTORE = "mllp-test.p12";
    // A throwaway self-signed certificate for localhost, made for these tests only.
    static final String PASSWORD = "test-only-secret";

    @DynamicPropertySource
    static void mllpWithTls(DynamicPropertyRegistry registry) {
        registry.add("careweave.mllp.port", () -> MLLP_PORT);
        registry.add("careweave.mllp.ssl-bundle", () -> "mllp");
        registry.add("spring.ssl.bundle.jks.mllp.keystore.location", () -> "classpath:" + KEYSTORE);
        registry.add("spring.ssl.bundle.jks.mllp.keystore.password", () -> PASSWORD);
        registry.add("spring.ssl.bundle.jks.mllp.keystore.type", () -> "PKCS12");
        registry.add("spring.ssl.bundle.jks.mllp.truststore.location", () -> "classpath:" + KEYSTORE);
        registry.add("spring.ssl.bundle.jks.mllp.truststore.password", () -> PASSWORD);
        registry.add("spring.ssl.bundle.jks.mllp.truststore.type", () -> "PKCS12");
    }

    @Autowired JdbcClient jdbc;

    @Test
    void aSenderWithATrustedCertificateIsAcknowledgedAfterTheMessageIsStored() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        String ack = AdtTestMessages.send(tls(true).getSocketFactory().createSocket("localhost", MLLP_PORT),
                admission(tag))[0];

        assertThat(code(ack)).isEqualTo("AA");
        assertThat(stored(tag)).isEqualTo(1);
    }

    @Test
    void aMessageForAFacilityTheCertificateDoesNotNameIsRefusedAndNotApplied() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Patient patient = new Patient(null, "TLS" + tag, "Tls" + tag, "Tess", "19480202", "F");
        Visit visit = new Visit("I", "WARD1", null, "21", "V" + tag, null, "202603011000", null);
        // The certificate names R9A (its OU) and LOCALHOST (its CN); this message says it comes from RXQ.
        String spoofed = AdtTestMessages.message("A01", "2.4", "RXQ", tag + "-1", "202603011000", patient.pid(),
                visit.pv1());

        String ack = AdtTestMessages.send(tls(true).getSocketFactory().createSocket("localhost", MLLP_PORT),
                spoofed)[0];

        assertThat(code(ack)).isEqualTo("AR");
        assertThat(ack).contains("MSH-4 (sending facility) RXQ is not named by the sender's TLS certificate, which "
                + "names LOCALHOST, R9A");
        assertThat(jdbc.sql("select status from adt_message where control_id = :c").param("c", tag + "-1")
                .query(String.class).single()).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select count(*) from record_item where source_id = :v").param("v", "V" + tag)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSenderWithoutACertificateIsRefusedAndNothingIsStored() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        assertThatThrownBy(() -> AdtTestMessages.send(tls(false).getSocketFactory().createSocket("localhost",
                MLLP_PORT), admission(tag))).isInstanceOf(IOException.class);

        assertThat(stored(tag)).isZero();
    }

    @Test
    void plainTcpOnTheTlsPortGetsNoAckAndStoresNothing() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        byte[] frame = ("\u000b" + admission(tag) + "\u001c\r").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        int firstByte;
        try (Socket plain = new Socket("localhost", MLLP_PORT)) {
            plain.setSoTimeout(10_000);
            plain.getOutputStream().write(frame);
            plain.getOutputStream().flush();
            InputStream in = plain.getInputStream();
            try {
                firstByte = in.read();
            } catch (IOException closed) {
                firstByte = -1;
            }
        }

        // The server answers the bytes with a TLS alert or just closes; never with an MLLP frame (0x0B).
        assertThat(firstByte).isNotEqualTo(0x0B);
        assertThat(stored(tag)).isZero();
    }

    private static String admission(String tag) {
        Patient patient = new Patient(null, "TLS" + tag, "Tls" + tag, "Tess", "19480202", "F");
        Visit visit = new Visit("I", "WARD1", null, "21", "V" + tag, null, "202603011000", null);
        return visitMessage("A01", "2.4", tag + "-1", "202603011000", patient, visit);
    }

    private long stored(String tag) {
        return jdbc.sql("select count(*) from adt_message where control_id = :c").param("c", tag + "-1")
                .query(Long.class).single();
    }

    /** A client context that trusts the test certificate, and presents it as its own when asked to. */
    private static SSLContext tls(boolean withCertificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = AdtMllpTlsIntegrationTests.class.getClassLoader().getResourceAsStream(KEYSTORE)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(withCertificate ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
        return context;
    }
}
