package io.weft.bench.registry.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load program learns about the server under test without being part of it: its process (through a
 * PID file, since a restart changes the PID) for RSS and CPU, and the session's ops HTTP port, which Weft and
 * SOFARegistry 6.3.0 both serve with the same paths ({@code /connections/query}, {@code /digest/data/count}).
 */
final class ServerProbe {

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private final String opsBase;
    private final java.util.List<String> sessionOpsBases;
    private final Path pidFile;

    /**
     * @param sessionOps every session's ops HTTP host:port, whose connections {@link #connections()} adds up
     * @param pidFile    the process whose RSS and CPU are read (in a cluster: the session that is restarted)
     */
    ServerProbe(String host, int opsPort, java.util.List<String> sessionOps, Path pidFile) {
        this.opsBase = "http://" + host + ":" + opsPort;
        this.sessionOpsBases = sessionOps.stream().map(a -> "http://" + a.trim()).toList();
        this.pidFile = pidFile;
    }

    long pid() {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** VmRSS of the server's process in KiB, -1 when it is not running. */
    long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not running (between stop and start)
        }
        return -1;
    }

    /** User + system CPU time of the server's process so far, ms (USER_HZ 100). */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The body of a GET on the session's ops port, or null when it does not answer 200. */
    String get(String path) {
        return get(opsBase, path);
    }

    private static String get(String base, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(base + path).openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            try (InputStream in = c.getResponseCode() == 200 ? c.getInputStream() : null) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Client connections the sessions hold: the entries of every session's {@code /connections/query} array
     * added up; -1 while one of them does not answer.
     */
    int connections() {
        int n = 0;
        for (String base : sessionOpsBases) {
            int held = connectionsOf(base);
            if (held < 0) {
                return -1;
            }
            n += held;
        }
        return n;
    }

    /**
     * Client connections held by the sessions that answer now (a stopped one does not); -1 if none answers.
     */
    int connectionsOnServing() {
        int n = -1;
        for (String base : sessionOpsBases) {
            int held = connectionsOf(base);
            if (held >= 0) {
                n = Math.max(n, 0) + held;
            }
        }
        return n;
    }

    /** The entries of one session's {@code /connections/query} array; -1 if it does not answer. */
    private int connectionsOf(String base) {
        String body = get(base, "/connections/query");
        if (body == null) {
            return -1;
        }
        int n = 0;
        Matcher m = QUOTED.matcher(body);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The session's own count of what it holds, as it words it (JSON in Weft, a sentence in 6.3.0). */
    String dataCount() {
        String body = get("/digest/data/count");
        return body == null ? "(no answer)" : body.trim();
    }

    /** Runs a shell command (stop or start of the server), its output appended to {@code log}; its exit status. */
    static int run(String command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return p.waitFor();
    }
}
