package org.careweave.adt;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLServerSocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for HL7v2 over MLLP (optionally TLS) on {@code careweave.mllp.port}; one thread per connection, messages
 * on a connection answered in order. HAPI parses; the socket loop is ours so the raw bytes are stored before any
 * acknowledgement and AR/AE decisions stay with CareWeave.
 */
@Component
class MllpListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

    private final MllpSettings settings;
    private final SslBundles sslBundles;
    private final AdtReceiver receiver;
    private final Timer ackLatency;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private ExecutorService workers;
    private Semaphore slots;

    MllpListener(MllpSettings settings, SslBundles sslBundles, AdtReceiver receiver, MeterRegistry meters) {
        this.settings = settings;
        this.sslBundles = sslBundles;
        this.receiver = receiver;
        this.ackLatency = Timer.builder("careweave.adt.ack.latency")
                .description("From a whole message received to its ACK sent (stored and applied in between)")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public void start() {
        if (settings.port() == 0) {
            log.info("MLLP listener off (careweave.mllp.port=0)");
            return;
        }
        try {
            server = settings.sslBundle().isBlank() ? new ServerSocket() : tlsServerSocket(settings.sslBundle());
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(settings.address(), settings.port()), 100);
        } catch (IOException e) {
            throw new UncheckedIOException("The MLLP port " + settings.address() + ":" + settings.port()
                    + " cannot be opened (is it in use, or the address not this host's?); set careweave.mllp.port to "
                    + "a free port, or 0 to turn MLLP off", e);
        }
        slots = new Semaphore(settings.maxConnections());
        workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mllp-connection");
            thread.setDaemon(true);
            return thread;
        });
        Thread acceptor = new Thread(this::accept, "mllp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        boolean clientCertificates = server instanceof SSLServerSocket tls && tls.getNeedClientAuth();
        log.info("MLLP listener on {}:{}{}", settings.address(), server.getLocalPort(),
                clientCertificates ? " (mutual TLS)" : settings.sslBundle().isBlank() ? "" : " (TLS)");
        if (!clientCertificates && !server.getInetAddress().isLoopbackAddress()) {
            log.warn("MLLP takes messages from any host that reaches {}:{} without knowing who sends them: any such "
                    + "host can send admissions and merges for any facility. Add a truststore to the SSL bundle "
                    + "(careweave.mllp.ssl-bundle) so that each sender's certificate names the facilities it sends for",
                    settings.address(), server.getLocalPort());
        }
    }

    /** The port actually bound (differs from the setting only in tests). */
    int port() {
        return server == null ? 0 : server.getLocalPort();
    }

    private void accept() {
        while (server != null && !server.isClosed()) {
            try {
                slots.acquire();
                Socket socket = server.accept();
                connections.add(socket);
                workers.execute(() -> serve(socket));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                slots.release();
                if (server != null && !server.isClosed()) {
                    log.warn("MLLP accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private ServerSocket tlsServerSocket(String bundleName) throws IOException {
        SslBundle bundle = sslBundles.getBundle(bundleName);
        SSLServerSocket socket = (SSLServerSocket) bundle.createSslContext().getServerSocketFactory().createServerSocket();
        // A truststore in the bundle names the senders allowed: each must present a certificate it trusts.
        socket.setNeedClientAuth(bundle.getStores().getTrustStore() != null);
        return socket;
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) settings.idleTimeout().toMillis());
            socket.setTcpNoDelay(true);
            MllpSender sender = MllpSender.of(socket);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            byte[] frame;
            while ((frame = MllpFrames.read(in)) != null) {
                long started = System.nanoTime();
                Charset charset = MllpFrames.charsetOf(frame);
                String ack = receiver.receive(new String(frame, charset), sender);
                MllpFrames.write(out, ack, charset);
                ackLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        } catch (SocketException e) {
            log.debug("MLLP connection closed: {}", e.getMessage());
        } catch (IOException e) {
            log.info("MLLP connection dropped: {}", e.getMessage());
        } catch (RuntimeException e) {
            // Not stored (e.g. the database is unreachable): no ACK, so the sender resends. Type only, no content.
            log.warn("MLLP message not stored, connection closed without ACK: {}", e.getClass().getName());
        } finally {
            connections.remove(socket);
            slots.release();
        }
    }

    @Override
    public void stop() {
        ServerSocket closing = server;
        server = null;
        if (closing == null) {
            return;
        }
        try {
            closing.close();
        } catch (IOException e) {
            log.debug("Closing the MLLP port: {}", e.getMessage());
        }
        connections.forEach(socket -> {
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                log.debug("Closing an MLLP connection: {}", e.getMessage());
            }
        });
        workers.shutdown();
        try {
            workers.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
