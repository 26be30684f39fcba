package io.weft.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU went: its method samples ({@code jdk.ExecutionSample}) summed by frame. A frame's share
 * is the part of the samples whose stack holds it anywhere (so shares overlap: a frame and its callers each count the
 * same sample). Shares of method samples are not shares of CPU time: JFR takes them only of threads running Java
 * code, so a thread that spends its CPU in system calls (Netty's I/O, file appends) weighs less than it costs; the
 * count of native samples (which also counts threads waiting in native code) is printed beside them as a reminder.
 * Prints the shares of the frames named (by default those of a registry node taking registrations), then the frames
 * of Weft's own code seen most, the frames most often at the top of the stack (the code itself running, any
 * library's), and the threads. Asserts nothing.
 *
 * <pre>java -cp bench.jar io.weft.bench.profile.CpuShares RECORDING.jfr [Class.method ...]</pre>
 *
 * <p>A recording without method samples is reported as such: a node not started by {@code bin/weft} loses them
 * to SOFAJRaft's SIGUSR2 handler (docs/operations.md, "Monitoring").
 */
public final class CpuShares {

    /** The registry's path of a registration, as docs/benchmarks.md names it: label, fully qualified method. */
    private static final String[][] REGISTRY_FRAMES = {
        {"Netty read loops (every Bolt port, both ends of session -> data)",
            "io.netty.channel.nio.NioEventLoop.processSelectedKeys"},
        {"the session takes a publisher", "io.weft.registry.session.register.RegisterHandler.publisher"},
        {"  its registry-session.log line", "io.weft.registry.session.register.RegisterHandler.accepted"},
        {"  the session's registration table", "io.weft.registry.session.register.RegistrationTable.put"},
        {"Hessian reads of requests", "io.weft.codec.hessian.SafeHessian.deserialize"},
        {"Hessian writes", "io.weft.codec.hessian.SafeHessian.serialize"},
        {"the data server takes session requests", "io.weft.registry.data.transport.MessageProcessor.handleRequest"},
        {"answers written", "com.alipay.remoting.rpc.protocol.RpcRequestProcessor.sendResponseIfNecessary"},
        {"every log line", "ch.qos.logback.classic.Logger.callAppenders"},
        {"  log file writes", "ch.qos.logback.core.FileAppender.writeOut"},
        {"data: renewal count of held publishers", "io.weft.registry.data.store.DatumStore.publisherCount"},
        {"session: renewal count of held publications",
            "io.weft.registry.session.cluster.HeldPublications.countsByLeader"},
    };

    private static final String OWN_CODE = "io.weft.";
    private static final int TOP = 15;
    private static final int WIDTH = 90;

    private CpuShares() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CpuShares RECORDING.jfr [Class.method ...]");
            System.exit(64);
        }
        Map<String, String> named = new LinkedHashMap<>();
        if (args.length > 1) {
            Arrays.stream(args, 1, args.length).forEach(m -> named.put(m, m));
        } else {
            Arrays.stream(REGISTRY_FRAMES).forEach(row -> named.put(row[0], row[1]));
        }
        Samples samples = Samples.read(Path.of(args[0]));
        System.out.printf("%s: %d method samples (threads running Java code), %d native method samples (threads in"
                + " native code: I/O calls, waits)%n", args[0], samples.total, samples.nativeTotal);
        if (samples.total == 0) {
            System.out.println("no jdk.ExecutionSample: was the node started by bin/weft, with settings=profile?");
            return;
        }
        System.out.println();
        System.out.printf("| %-" + WIDTH + "s | %7s |%n", "frame (share of samples whose stack holds it)", "share");
        System.out.printf("|%s|%s|%n", "-".repeat(WIDTH + 2), "-".repeat(9));
        named.forEach((label, frame) -> row(label.equals(frame) ? frame : label + " (" + simple(frame) + ")",
                samples.byFrame.getOrDefault(frame, 0), samples.total));
        System.out.println();
        System.out.println("Weft's own frames seen most:");
        top(samples.byFrame, f -> f.startsWith(OWN_CODE) && !named.containsValue(f))
                .forEach(e -> row(e.getKey(), e.getValue(), samples.total));
        System.out.println();
        System.out.println("At the top of the stack (the code itself running):");
        top(samples.byTop, f -> true).forEach(e -> row(e.getKey(), e.getValue(), samples.total));
        System.out.println();
        System.out.println("Threads (digits as N):");
        top(samples.byThread, t -> true).forEach(e -> row(e.getKey(), e.getValue(), samples.total));
    }

    private static void row(String what, int count, int total) {
        System.out.printf("| %-" + WIDTH + "s | %6.1f%% |%n", what, 100.0 * count / total);
    }

    private static String simple(String frame) {
        int method = frame.lastIndexOf('.');
        int type = frame.lastIndexOf('.', method - 1);
        return frame.substring(type + 1);
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts,
            Predicate<String> which) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>();
        counts.entrySet().stream().filter(e -> which.test(e.getKey())).forEach(entries::add);
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return entries.subList(0, Math.min(TOP, entries.size()));
    }

    /** The recording's method samples counted by frame (once a sample) and by thread. */
    private static final class Samples {
        final Map<String, Integer> byFrame = new HashMap<>();
        final Map<String, Integer> byTop = new HashMap<>();
        final Map<String, Integer> byThread = new HashMap<>();
        int total;
        int nativeTotal;

        static Samples read(Path recording) throws IOException {
            Samples samples = new Samples();
            try (RecordingFile file = new RecordingFile(recording)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent event = file.readEvent();
                    String type = event.getEventType().getName();
                    if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                        samples.add(event);
                    } else if (type.equals("jdk.NativeMethodSample")) {
                        samples.nativeTotal++;
                    }
                }
            }
            return samples;
        }

        private void add(RecordedEvent event) {
            total++;
            Set<String> frames = new HashSet<>();
            String top = null;
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.isJavaFrame() ? frame.getMethod().getType().getName() : null;
                if (type == null || type.contains("$$Lambda")) {
                    continue; // a lambda's generated class: its caller and callee are the frames worth naming
                }
                String name = type + "." + frame.getMethod().getName();
                frames.add(name);
                top = top == null ? name : top;
            }
            frames.forEach(f -> byFrame.merge(f, 1, Integer::sum));
            if (top != null) {
                byTop.merge(top, 1, Integer::sum);
            }
            RecordedThread thread = event.getThread("sampledThread");
            String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
            byThread.merge(name.replaceAll("\\d+", "N"), 1, Integer::sum);
        }
    }
}
