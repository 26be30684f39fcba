package io.weft.itest.support;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many class loaders of a running node define a class, after a full GC: one per live revision of the bundle
 * that holds it. Read with the JDK's {@code jcmd} ({@code GC.run}, then {@code VM.classloaders show-classes=true}),
 * which lists each loader's classes by name.
 */
public final class ClassLoaderCount {

    private ClassLoaderCount() {
    }

    /** @return how many loaders define {@code className} once unreachable ones are collected, or -1 if jcmd failed */
    public static int definingAfterGc(long pid, String className) {
        try {
            if (jcmd(pid, "GC.run") == null) {
                return -1;
            }
            String loaders = jcmd(pid, "VM.classloaders", "show-classes=true");
            if (loaders == null) {
                return -1;
            }
            // A class is listed on a line of its own (or after "Classes:"), its name last on the line.
            Matcher m = Pattern.compile("\\s" + Pattern.quote(className) + "\\s*$", Pattern.MULTILINE).matcher(loaders);
            int count = 0;
            while (m.find()) {
                count++;
            }
            return count;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** jcmd's output, or null if it failed. */
    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        WeftNode.Result result = Jcmd.run(pid, command);
        return result.exitStatus() == 0 ? result.output() : null;
    }
}
