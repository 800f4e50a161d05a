package org.careweave.adt;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MLLP listener.
 *
 * @param port           TCP port; 0 turns the listener off
 * @param address        the interface to listen on: the loopback interface unless set, so that on a new installation
 *                       only an interface engine on the same host can send (set it, with mutual TLS, to take
 *                       messages from other hosts)
 * @param sslBundle      name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.jks.<name>.keystore.*}) to listen
 *                       with TLS, or empty for plain TCP
 * @param maxConnections connections served at once; further ones wait to be accepted
 * @param idleTimeout    a connection silent for this long is closed
 */
@ConfigurationProperties("careweave.mllp")
record MllpSettings(@DefaultValue("2575") int port, @DefaultValue("127.0.0.1") String address,
                    @DefaultValue("") String sslBundle,
                    @DefaultValue("32") int maxConnections, @DefaultValue("10m") Duration idleTimeout) {
}
