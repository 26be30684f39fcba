package io.weft.platform.runtime;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What {@code bin/weft} reads to tell an operator how the node is: {@code data/weft.status}, a
 * properties file with the state ({@code STARTING}, {@code RUNNING}, {@code RUNNING_WITH_PROBLEMS},
 * {@code STOPPING}, {@code STOPPED}, {@code FAILED}), the process ID, the roles and the problems met
 * while starting. Written atomically. Thread-safe.
 */
public final class NodeStatus {

    public static final String FILE_NAME = "weft.status";

    private final Path file;
    private final long pid = ProcessHandle.current().pid();
    private final List<String> problems = new ArrayList<>();
    private String state = "STARTING";
    private String roles = "";
    private String detail = "";

    public NodeStatus(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public synchronized void problem(String text) {
        problems.add(text.replace('\n', ' '));
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    public synchronized void roles(List<String> roles) {
        this.roles = String.join(",", roles);
    }

    public synchronized void state(String state, String detail) {
        this.state = state;
        this.detail = detail;
        write();
    }

    /** RUNNING, or RUNNING_WITH_PROBLEMS when anything went wrong while starting. */
    public synchronized void started(String detail) {
        state(problems.isEmpty() ? "RUNNING" : "RUNNING_WITH_PROBLEMS", detail);
    }

    private void write() {
        Properties p = new Properties();
        p.setProperty("state", state);
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("roles", roles);
        p.setProperty("detail", detail);
        p.setProperty("problems", Integer.toString(problems.size()));
        for (int i = 0; i < problems.size(); i++) {
            p.setProperty("problem." + (i + 1), problems.get(i));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Weft node status; read by bin/weft");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(NodeStatus.class).warn("cannot write {}: {}", file, e.getMessage());
        }
    }
}
