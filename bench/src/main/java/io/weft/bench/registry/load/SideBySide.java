package io.weft.bench.registry.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Prints the figures files of several runs ({@link RegistryLoad --out}) as one table, a column per run. */
public final class SideBySide {

    /** Key and how the row is named, in the order printed. */
    private static final String[][] ROWS = {
        {"label", "run"},
        {"machine.loadavg", "machine load average at the start (1/5/15 min)"},
        {"server.rss.idle.mib", "server RSS idle (MiB)"},
        {"clients", "client connections opened"},
        {"connections.held", "connections the session reports holding"},
        {"subscriptions", "subscriptions registered"},
        {"sub.acked.per.s", "subscriber registrations acknowledged/s"},
        {"publishers", "publishers of the push workload"},
        {"initial.fanout.ms", "publish -> all pairs have the first value (ms)"},
        {"push.rate", "paced rounds: changes/s x subscribers each"},
        {"push.warmup.p99.ms", "warm-up round (not counted), p99 (ms)"},
        {"push.pairs.p50.ms", "push change -> a subscriber has it, p50 (ms)"},
        {"push.pairs.p99.ms", "push, p99 (ms)"},
        {"push.pairs.max.ms", "push, max (ms)"},
        {"push.all.p50.ms", "push change -> all 10 subscribers have it, p50 (ms)"},
        {"push.all.p99.ms", "all subscribers, p99 (ms)"},
        {"push.all.max.ms", "all subscribers, max (ms)"},
        {"push.missing", "paced pairs not delivered in 60 s"},
        {"server.cpu.cores.push", "server CPU during the paced rounds (cores)"},
        {"load.cpu.cores.push", "load JVM CPU during the paced rounds (cores)"},
        {"burst.pairs.p50.ms", "burst (all changes at once) -> a subscriber, p50 (ms)"},
        {"burst.pairs.max.ms", "burst -> the last subscriber has it (ms)"},
        {"burst.missing", "burst pairs not delivered in 60 s"},
        {"server.rss.load.mib", "server RSS under load, max sampled (MiB)"},
        {"restart.stop.ms", "restart: stop took (ms)"},
        {"restart.start.ms", "restart: start to healthy took (ms)"},
        {"restart.connections.ms", "restart: stop issued -> all connections back (ms)"},
        {"restart.reconnected.ms", "restart: stop issued -> every client on a serving session (ms)"},
        {"restart.heal.ms", "restart: stop issued -> every subscriber has the data again (ms)"},
        {"restart.heal.after.stop.ms", "restart: process gone -> every subscriber has it (ms)"},
        {"restart.heal.after.start.ms", "restart: server healthy -> every subscriber has it (ms)"},
        {"restart.healed", "pairs healed"},
        {"registrations.warm", "warm server (before the restart): publishers registered, last round"},
        {"pub.acked.per.s.warm", "warm: publisher registrations acknowledged/s"},
        {"pub.acked.all.ms.warm", "warm: all acknowledged after (ms)"},
        {"server.cpu.cores.registration.warm", "warm: server CPU (cores)"},
        {"load.cpu.cores.registration.warm", "warm: load JVM CPU (cores)"},
        {"server.cpu.ms.per.registration.warm", "warm: server CPU a registration (ms)"},
        {"server.rss.warm.registrations.mib", "server RSS after the warm rounds (MiB)"},
        {"registrations", "cold server (just restarted): publishers registered"},
        {"pub.acked.per.s", "cold: publisher registrations acknowledged/s"},
        {"pub.acked.all.ms", "cold: all acknowledged after (ms)"},
        {"server.cpu.cores.registration", "cold: server CPU (cores)"},
        {"load.cpu.cores.registration", "cold: load JVM CPU (cores)"},
        {"server.cpu.ms.per.registration", "cold: server CPU a registration (ms)"},
        {"server.rss.end.mib", "server RSS at the end (MiB)"},
    };

    private SideBySide() {
    }

    public static void main(String[] args) throws IOException {
        List<Properties> runs = new ArrayList<>();
        for (String a : args) {
            Properties p = new Properties();
            if (Files.exists(Path.of(a))) {
                try (Reader r = Files.newBufferedReader(Path.of(a), StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            } else {
                p.setProperty("label", Path.of(a).getFileName() + " (no figures: see its log)");
            }
            runs.add(p);
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : ROWS) {
            out.append(String.format("%-62s", row[1]));
            for (Properties p : runs) {
                out.append(String.format(" | %-22s", p.getProperty(row[0], "-")));
            }
            out.append('\n');
        }
        System.out.print(out);
    }
}
