package org.careweave.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends ADT messages over MLLP to a running CareWeave on several connections and measures messages per second and
 * ACK latency; then counts in the database that every acknowledged message is stored once and applied. Each visit
 * (A01, A02, A08, A03 for a demo resident) goes on one connection in order, as a hospital's PAS sends it. With
 * {@code --resend true} a connection that breaks is reopened and the un-acknowledged message resent, as a sender's
 * MLLP client does, so the run survives a server crash; the acknowledged control ids are written to a file.
 * Plain JDK plus the PostgreSQL JDBC driver; no CareWeave classes.
 */
public final class MllpLoadBench {

    private MllpLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        if (o.containsKey("check-acked")) {
            checkAcked(Path.of(o.getOrDefault("data-dir", "./data")), Path.of(o.get("check-acked")));
            return;
        }
        String host = o.getOrDefault("host", "localhost");
        int port = Integer.parseInt(o.getOrDefault("port", "2575"));
        int total = Integer.parseInt(o.getOrDefault("messages", "100000"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "4"));
        boolean resend = Boolean.parseBoolean(o.getOrDefault("resend", "false"));
        Path dataDir = Path.of(o.getOrDefault("data-dir", "./data"));
        Path ackedFile = o.containsKey("acked") ? Path.of(o.get("acked")) : null;
        String run = o.getOrDefault("run", Long.toString(System.currentTimeMillis(), 36).toUpperCase());

        List<String[]> residents = residents(dataDir, 20_000);
        String[] events = o.getOrDefault("events", "A01,A02,A08,A03").split(",");
        List<List<Message>> perConnection = plan(run, total, connections, residents, events);
        long[] latencies = new long[total];
        AtomicLong index = new AtomicLong();
        AtomicLong notAa = new AtomicLong();
        AtomicLong reconnects = new AtomicLong();
        PrintWriter acked = ackedFile == null ? null : new PrintWriter(Files.newBufferedWriter(ackedFile), true);
        System.out.printf("run %s: %d messages on %d connections to %s:%d%n", run, total, connections, host, port);
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (List<Message> messages : perConnection) {
            Thread thread = new Thread(() -> {
                Sender sender = new Sender(host, port, resend, reconnects);
                for (Message message : messages) {
                    long sent = System.nanoTime();
                    String ack = sender.exchange(message.text);
                    latencies[(int) index.getAndIncrement()] = System.nanoTime() - sent;
                    if (!ack.contains("MSA|AA|")) {
                        notAa.incrementAndGet();
                    } else if (acked != null) {
                        synchronized (acked) {
                            acked.println(message.controlId);
                        }
                    }
                }
                sender.close();
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (acked != null) {
            acked.close();
        }
        Arrays.sort(latencies);
        System.out.printf("%d messages in %.1f s: %.0f messages/s; ACK latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, "
                        + "max %.1f ms; %d not AA; %d reconnects; load average %s%n", total, seconds, total / seconds,
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies[total - 1] / 1e6, notAa.get(),
                reconnects.get(), Files.readString(Path.of("/proc/loadavg")).strip());
        verify(dataDir, run, total, perConnection, "A03".equals(events[events.length - 1]) && total % events.length == 0);
    }

    record Message(String controlId, String visit, String text) {
    }

    /** Visits of the given events (by default admit, transfer, update, discharge), whole visits per connection. */
    static List<List<Message>> plan(String run, int total, int connections, List<String[]> residents,
                                    String[] events) {
        List<List<Message>> plan = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            plan.add(new ArrayList<>());
        }
        int n = 0;
        for (int visit = 0; n < total; visit++) {
            String[] r = residents.get(visit % residents.size());
            String visitNumber = run + "V" + visit;
            for (int step = 0; step < events.length && n < total; step++, n++) {
                String control = run + "-" + n;
                plan.get(visit % connections).add(new Message(control, visitNumber,
                        message(events[step], control, visitNumber, step, events.length, r)));
            }
        }
        return plan;
    }

    static String message(String event, String control, String visit, int step, int steps, String[] r) {
        String time = String.format("20260301%02d%02d", 8 + step, 0);
        String ward = step == 0 ? "WARD1" : "WARD2";
        String[] pv1 = new String[46];
        Arrays.fill(pv1, "");
        pv1[0] = "PV1";
        pv1[1] = "1";
        pv1[2] = "I";
        pv1[3] = ward + "^BAY1^BED1^R9A";
        pv1[4] = "21";
        pv1[6] = step == 1 ? "WARD1^^^R9A" : "";
        pv1[19] = visit;
        boolean last = step == steps - 1 && "A03".equals(event);
        pv1[36] = last ? "19" : "";
        pv1[44] = "202603010800";
        pv1[45] = last ? time : "";
        return "MSH|^~\\&|PAS|R9A|CAREWEAVE|CW|" + time + "||ADT^" + event + "^ADT_A01|" + control + "|P|2.4\r"
                + "EVN|" + event + "|" + time + "\r"
                + "PID|1||" + r[0] + "^^^NHS^NH~H" + r[0] + "^^^R9A^MR||" + r[1] + "^" + r[2] + "||" + r[3] + "|"
                + r[4] + "|||1 Mill Lane^^Threadmere^^TM1 1AA\r"
                + String.join("|", pv1) + "\r";
    }

    /** One MLLP connection; with resend on, a broken connection is reopened and the message sent again. */
    static final class Sender {
        private final String host;
        private final int port;
        private final boolean resend;
        private final AtomicLong reconnects;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Sender(String host, int port, boolean resend, AtomicLong reconnects) {
            this.host = host;
            this.port = port;
            this.resend = resend;
            this.reconnects = reconnects;
        }

        String exchange(String message) {
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (true) {
                try {
                    if (socket == null) {
                        socket = new Socket(host, port);
                        socket.setSoTimeout(60_000);
                        // As interface engines do: the whole frame in one write, without Nagle's delay. Three small
                        // writes with Nagle on wait for the receiver's delayed TCP ACK (about 40 ms) every message.
                        socket.setTcpNoDelay(true);
                        out = new BufferedOutputStream(socket.getOutputStream());
                        in = new BufferedInputStream(socket.getInputStream());
                    }
                    out.write(0x0B);
                    out.write(message.getBytes(StandardCharsets.UTF_8));
                    out.write(new byte[] {0x1C, 0x0D});
                    out.flush();
                    return readFrame(in);
                } catch (IOException e) {
                    close();
                    if (!resend || System.nanoTime() > deadline) {
                        throw new IllegalStateException("MLLP exchange failed: " + e.getMessage(), e);
                    }
                    reconnects.incrementAndGet();
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", interrupted);
                    }
                }
            }
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection
                }
                socket = null;
            }
        }
    }

    static String readFrame(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != 0x0B) {
            if (b == -1) {
                throw new IOException("connection closed before the ACK");
            }
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
        while ((b = in.read()) != 0x1C) {
            if (b == -1) {
                throw new IOException("connection closed inside the ACK");
            }
            frame.write(b);
        }
        in.read();
        return frame.toString(StandardCharsets.UTF_8);
    }

    /** Zero lost (every sent control id stored once) and zero applied twice (one row per control id, one encounter per visit). */
    static void verify(Path dataDir, String run, int total, List<List<Message>> plan, boolean lastIsDischarge)
            throws SQLException, IOException {
        long visits = plan.stream().flatMap(List::stream).map(Message::visit).distinct().count();
        try (Connection db = database(dataDir); Statement s = db.createStatement()) {
            long rows = single(s, "select count(*) from adt_message where control_id like '" + run + "-%'");
            long distinct = single(s, "select count(distinct control_id) from adt_message where control_id like '" + run + "-%'");
            long applied = single(s, "select count(*) from adt_message where control_id like '" + run + "-%' and status = 'APPLIED'");
            long encounters = single(s, "select count(*) from record_item where resource_type = 'Encounter' and source_id like '" + run + "V%'");
            long finished = single(s, "select count(*) from record_item where resource_type = 'Encounter' and source_id like '" + run + "V%' and status = 'finished'");
            System.out.printf("database: %d messages stored (%d distinct control ids, %d sent), %d applied; %d encounters "
                    + "for %d visits, %d finished%n", rows, distinct, total, applied, encounters, visits, finished);
            boolean ok = rows == total && distinct == total && applied == total && encounters == visits
                    && (finished == visits || !lastIsDischarge);
            System.out.println(ok ? "OK: zero lost, zero applied twice" : "MISMATCH");
            if (!ok) {
                System.exit(1);
            }
        }
    }

    /** Every control id in the file (acknowledged AA) is stored exactly once and applied. */
    static void checkAcked(Path dataDir, Path ackedFile) throws SQLException, IOException {
        List<String> ids = Files.readAllLines(ackedFile).stream().filter(l -> !l.isBlank()).toList();
        try (Connection db = database(dataDir)) {
            var query = db.prepareStatement("""
                    select count(*) filter (where m.id is null), count(*) filter (where m.status = 'APPLIED'),
                           (select count(*) from (select control_id from adt_message where control_id = any(?)
                                                  group by sending_application, sending_facility, control_id
                                                  having count(*) > 1) d)
                      from unnest(?::text[]) c(id) left join adt_message m on m.control_id = c.id""");
            var array = db.createArrayOf("text", ids.toArray());
            query.setArray(1, array);
            query.setArray(2, array);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                System.out.printf("acknowledged %d: %d missing, %d applied, %d stored twice%n", ids.size(), rs.getLong(1),
                        rs.getLong(2), rs.getLong(3));
                if (rs.getLong(1) != 0 || rs.getLong(2) != ids.size() || rs.getLong(3) != 0) {
                    System.out.println("MISMATCH");
                    System.exit(1);
                }
                System.out.println("OK: every acknowledged message stored once and applied");
            }
        }
    }

    /** Demo residents with NHS numbers: NHS number, family, given, birth date, sex (HL7). */
    static List<String[]> residents(Path dataDir, int limit) throws SQLException, IOException {
        List<String[]> residents = new ArrayList<>();
        try (Connection db = database(dataDir); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select nhs_number, family_name, given_name, to_char(birth_date, 'YYYYMMDD'), "
                     + "upper(left(sex, 1)) from person where nhs_number is not null and merged_into_id is null "
                     + "order by id limit " + limit)) {
            while (rs.next()) {
                residents.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)});
            }
        }
        if (residents.isEmpty()) {
            throw new IllegalStateException("No residents with NHS numbers in the database under " + dataDir);
        }
        return residents;
    }

    /** The embedded PostgreSQL of a data folder (its port is in postmaster.pid), or CAREWEAVE_DB_URL. */
    static Connection database(Path dataDir) throws SQLException, IOException {
        String url = System.getenv("CAREWEAVE_DB_URL");
        if (url != null && !url.isBlank()) {
            return DriverManager.getConnection(url, System.getenv("CAREWEAVE_DB_USER"), System.getenv("CAREWEAVE_DB_PASSWORD"));
        }
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres", "");
    }

    static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
