package io.weft.bench.registry.rpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One unmodified SOFARPC application in a JVM of its own, on SOFARPC's class path: the lines it prints, each with
 * this JVM's clock when read, and a kill -9 by its PID. Its logs go to a folder of its own under the run directory.
 */
final class RpcJvm implements AutoCloseable {

    /** As for any Java 8 library that reflects into the JDK (Hessian, Bolt); SOFARPC 5.13 runs with these on 17. */
    private static final List<String> OPENS = List.of("java.base/java.lang", "java.base/java.util",
            "java.base/java.net", "java.base/java.nio", "java.base/sun.nio.ch", "java.base/java.lang.reflect",
            "java.base/java.util.concurrent", "java.base/java.math");

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private RpcJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::read, "rpc-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static RpcJvm start(String name, String classPath, Path work, String mainClass, String... args)
            throws IOException {
        Path home = work.resolve(name);
        Files.createDirectories(home);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        OPENS.forEach(module -> command.add("--add-opens=" + module + "=ALL-UNNAMED"));
        command.addAll(List.of("-Duser.home=" + home, "-Dlogging.path=" + home.resolve("logs"), "-cp", classPath,
                mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectError(home.resolve("stderr.log").toFile()).start();
        return new RpcJvm(name, process);
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    String name() {
        return name;
    }

    /** Every line printed so far, in order. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until a line equal to {@code expected} was printed; false if the JVM ended or the time ran out. */
    boolean awaitLine(String expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (lines.contains(expected)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(5);
        }
        return lines.contains(expected);
    }

    /** SIGKILL by PID; returns once the process is gone. */
    void kill9() {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Closes its input (it exits by itself), killed if still there ten seconds later. */
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
