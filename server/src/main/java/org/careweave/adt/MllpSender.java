package org.careweave.adt;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * What an MLLP connection proves about its sender. Under mutual TLS the sender's certificate names the facilities
 * it may send for: the ODS codes in its subject's common name (CN) and organisational units (OU), so one interface
 * engine may carry several sites. A message whose MSH-4 the certificate does not name is refused. A connection
 * without a client certificate proves nothing and restricts nothing (plain TCP, on the loopback interface unless
 * configured otherwise).
 */
final class MllpSender {

    static final MllpSender UNAUTHENTICATED = new MllpSender(null);

    private final Set<String> certifiedFacilities;

    private MllpSender(Set<String> certifiedFacilities) {
        this.certifiedFacilities = certifiedFacilities;
    }

    /** Completes the TLS handshake, if any, and reads the client certificate. */
    static MllpSender of(Socket socket) throws IOException {
        if (!(socket instanceof SSLSocket tls) || !tls.getNeedClientAuth()) {
            return UNAUTHENTICATED;
        }
        tls.startHandshake();
        Certificate[] chain;
        try {
            chain = tls.getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw new IOException("The sender presented no certificate", e);
        }
        return new MllpSender(namesIn((X509Certificate) chain[0]));
    }

    /** Why a message from this facility (MSH-4) is refused on this connection, or null when it is not. */
    String refusal(String facility) {
        if (certifiedFacilities == null
                || (facility != null && certifiedFacilities.contains(facility.toUpperCase(Locale.ROOT)))) {
            return null;
        }
        return "MSH-4 (sending facility) " + (facility == null ? "is empty, and" : facility + " is")
                + " not named by the sender's TLS certificate, which names " + String.join(", ", certifiedFacilities)
                + " (its subject's CN and OU); send each facility's messages with a certificate naming its ODS code";
    }

    private static Set<String> namesIn(X509Certificate certificate) throws IOException {
        Set<String> names = new TreeSet<>();
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") || rdn.getType().equalsIgnoreCase("OU")) {
                    names.add(rdn.getValue().toString().toUpperCase(Locale.ROOT));
                }
            }
        } catch (InvalidNameException e) {
            throw new IOException("The sender's certificate has an unreadable subject", e);
        }
        return names;
    }
}
