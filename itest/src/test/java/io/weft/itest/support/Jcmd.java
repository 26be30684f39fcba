package io.weft.itest.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test JDK's {@code jcmd} against a node's JVM: the same JDK runs the nodes ({@code bin/weft} takes JAVA_HOME or
 * the {@code java} on PATH), so its attach protocol matches.
 */
public final class Jcmd {

    private Jcmd() {
    }

    /**
     * Runs {@code jcmd PID command...} and waits for it (at most a minute).
     *
     * @return its exit status (-1 if it did not end in time) and its output, standard error included
     */
    public static WeftNode.Result run(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new WeftNode.Result(-1, output);
        }
        return new WeftNode.Result(process.exitValue(), output);
    }
}
