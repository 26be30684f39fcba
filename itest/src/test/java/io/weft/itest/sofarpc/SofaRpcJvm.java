package io.weft.itest.sofarpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.weft.itest.support.WeftNode;

/**
 * One unmodified SOFARPC application (a class of {@code io.weft.itest.sofarpc.app}) in a JVM of its own, on SOFARPC's
 * own class path ({@code target/sofarpc}, copied by the itest pom): its Bolt, Netty and Hessian never meet the test
 * JVM's. The test talks to it through standard input and reads the lines it prints; it is stopped by closing its
 * input, and killed by its PID, never by name. Its logs (SOFARPC's and the registry client's) go to a folder of its
 * own under {@code weft.itest.work}, not to the user's home.
 */
final class SofaRpcJvm implements AutoCloseable {

    /** As for any Java 8 library that reflects into the JDK (Hessian, Bolt); SOFARPC 5.13 runs with these on 17. */
    private static final List<String> OPENS = List.of("java.base/java.lang", "java.base/java.util",
            "java.base/java.net", "java.base/java.nio", "java.base/sun.nio.ch", "java.base/java.lang.reflect",
            "java.base/java.util.concurrent", "java.base/java.math");

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private SofaRpcJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::readOutput, "sofarpc-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args}; {@code name} names its folder and its output in the test log. */
    static SofaRpcJvm start(String name, Class<?> mainClass, String... args) throws IOException {
        Path home = Path.of(System.getProperty("weft.itest.work", "target/nodes")).toAbsolutePath()
                .resolve("sofarpc-" + name + "-" + System.nanoTime());
        Files.createDirectories(home);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        OPENS.forEach(module -> command.add("--add-opens=" + module + "=ALL-UNNAMED"));
        command.add("-Duser.home=" + home);
        command.add("-Dlogging.path=" + home.resolve("logs"));
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectError(home.resolve("stderr.log").toFile()).start();
        return new SofaRpcJvm(name, process);
    }

    /** SOFARPC's jars, then the compiled test classes for the application classes. */
    private static String classPath() throws IOException {
        Path jars = Path.of(System.getProperty("sofarpc.dir", "target/sofarpc"));
        if (!Files.isDirectory(jars)) {
            throw new IllegalStateException("no SOFARPC class path at " + jars.toAbsolutePath()
                    + ": run through Maven (the itest pom copies it in generate-test-resources)");
        }
        List<String> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(jars)) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> entries.add(f.toAbsolutePath().toString()));
        }
        entries.add(Path.of(System.getProperty("sofarpc.app.classes", "target/test-classes")).toAbsolutePath().toString());
        return String.join(java.io.File.pathSeparator, entries);
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                System.out.println("[" + name + "] " + line);
            }
        } catch (IOException e) {
            // the process is gone: nothing more to read
        }
    }

    /** Sends one line to its standard input. */
    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** The number of lines printed so far: a mark for {@link #awaitLine}. */
    int mark() {
        return lines.size();
    }

    /** The first line from {@code from} on that matches, waiting at most {@code timeout}; fails the test otherwise. */
    String awaitLine(int from, Predicate<String> matching, Duration timeout, String what) throws InterruptedException {
        String[] found = new String[1];
        boolean seen = WeftNode.await(timeout, () -> {
            found[0] = lines.subList(Math.min(from, lines.size()), lines.size()).stream().filter(matching)
                    .findFirst().orElse(null);
            return found[0] != null || !process.isAlive();
        });
        if (!seen || found[0] == null) {
            throw new AssertionError(name + ": timed out waiting for " + what + " (alive " + process.isAlive()
                    + "), output:\n" + String.join("\n", lines));
        }
        return found[0];
    }

    /** The last line printed that matches, if any. */
    Optional<String> last(Predicate<String> matching) {
        List<String> copy = List.copyOf(lines);
        for (int i = copy.size() - 1; i >= 0; i--) {
            if (matching.test(copy.get(i))) {
                return Optional.of(copy.get(i));
            }
        }
        return Optional.empty();
    }

    /** Crash: SIGKILL to this JVM by its PID, and wait until it is gone. */
    void kill9() {
        process.destroyForcibly();
        process.onExit().join();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Closes its input (it exits by itself); kills it if it is still there ten seconds later. */
    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            kill9();
        }
    }
}
