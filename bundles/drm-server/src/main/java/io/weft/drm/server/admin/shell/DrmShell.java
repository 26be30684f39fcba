package io.weft.drm.server.admin.shell;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.weft.api.drm.DrmAdmin;
import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.DrmException;
import io.weft.api.drm.DrmNode;
import io.weft.api.drm.Page;
import io.weft.api.drm.PushRecord;
import io.weft.api.drm.PushResult;

/**
 * The {@code drm:} commands as text in, text out, free of Gogo types so they are tested with plain JUnit.
 * Writes are made as operator {@value #OPERATOR}. Values in listings are cut to {@value #VALUE_CHARS}
 * characters and shown on one line.
 */
public final class DrmShell {

    /** Who Gogo changes are recorded as. */
    public static final String OPERATOR = "gogo";
    static final int VALUE_CHARS = 60;
    static final int LISTING = 100;

    /** Command names, as typed after {@code drm:}, with their usage. */
    public static final List<String[]> COMMANDS = List.of(
            new String[] {"attributes", "attributes [instanceId] [search]"},
            new String[] {"declare", "declare <instanceId> <resourceId:attribute>"},
            new String[] {"push", "push <instanceId> <resourceId:attribute> <value> (quote a value with spaces)"},
            new String[] {"history", "history <instanceId> <resourceId:attribute>"},
            new String[] {"rollback", "rollback <instanceId> <resourceId:attribute> <version>"},
            new String[] {"nodes", "nodes"});

    private final DrmAdmin admin;

    public DrmShell(DrmAdmin admin) {
        this.admin = admin;
    }

    /**
     * Runs one command.
     *
     * @throws IllegalArgumentException with the usage, for a wrong number of arguments
     * @throws DrmException with the reason, when DRM refuses the command
     */
    public String run(String command, List<String> args) {
        switch (command) {
            case "attributes" -> {
                arity(command, args, 0, 2);
                if (args.isEmpty()) {
                    return instances(admin.instances());
                }
                return attributes(admin.attributes(args.get(0), args.size() > 1 ? args.get(1) : "", 0, LISTING));
            }
            case "declare" -> {
                arity(command, args, 2, 2);
                DrmAttribute a = admin.declare(args.get(0), args.get(1), OPERATOR);
                return "Declared " + a.key() + " in instance " + a.instanceId() + " (version " + a.version() + ")\n";
            }
            case "push" -> {
                arity(command, args, 3, 3);
                return result("Pushed", args.get(0), args.get(1), admin.push(args.get(0), args.get(1), args.get(2),
                        OPERATOR));
            }
            case "history" -> {
                arity(command, args, 2, 2);
                return history(admin.history(args.get(0), args.get(1), LISTING));
            }
            case "rollback" -> {
                arity(command, args, 3, 3);
                long version;
                try {
                    version = Long.parseLong(args.get(2).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("version must be a number, was '" + args.get(2) + "'");
                }
                return result("Rolled back", args.get(0), args.get(1), admin.rollback(args.get(0), args.get(1), version,
                        OPERATOR));
            }
            case "nodes" -> {
                arity(command, args, 0, 0);
                return nodes(admin.nodes());
            }
            default -> throw new IllegalArgumentException("Unknown command drm:" + command);
        }
    }

    static String result(String what, String instance, String key, PushResult r) {
        String head = what + " " + key + " of instance " + instance + ": version " + r.version() + "\n";
        if (!r.announced()) {
            return head + "Stored; no drmdata node answered: nodes catch up from the database.\n";
        }
        return head + "Announced to drmdata node " + r.notifiedNode() + ": " + r.notifiedClients()
                + " client(s) notified" + (r.relayFailures() > 0 ? ", " + r.relayFailures()
                        + " node(s) not reached (they catch up from the database)" : "") + "\n";
    }

    static String instances(List<String> instances) {
        TextTable t = new TextTable("INSTANCE");
        instances.forEach(t::row);
        return t.render();
    }

    static String attributes(Page<DrmAttribute> page) {
        TextTable t = new TextTable("KEY", "VERSION", "UPDATED BY", "UPDATED AT", "GRAY", "VALUE");
        for (DrmAttribute a : page.items()) {
            t.row(a.key(), Long.toString(a.version()), a.updatedBy(), time(a.updatedAt()),
                    a.gray() == null ? "" : "v" + a.gray().version(), preview(a.value()));
        }
        int more = page.total() - page.offset() - page.items().size();
        return t.render() + (more > 0 ? "... and " + more + " more: narrow the list with a search\n" : "");
    }

    static String history(List<PushRecord> records) {
        TextTable t = new TextTable("VERSION", "KIND", "OPERATOR", "AT", "VALUE", "NOTE");
        for (PushRecord r : records) {
            t.row(Long.toString(r.version()), r.kind().name(), r.operator(), time(r.at()), preview(r.value()),
                    r.note());
        }
        return t.render();
    }

    static String nodes(List<DrmNode> nodes) {
        TextTable t = new TextTable("NODE", "DATA CENTER", "ZONE", "STATE", "LAST SEEN", "CONNECTIONS", "PULL URL");
        for (DrmNode n : nodes) {
            t.row(n.nodeId(), n.dataCenter(), n.zone(), n.live() ? "live" : "silent", time(n.lastSeen()),
                    Integer.toString(n.connections()), n.pullUrl());
        }
        return t.render();
    }

    /** One line, at most {@value #VALUE_CHARS} characters. */
    static String preview(String value) {
        if (value == null) {
            return "(none)";
        }
        String line = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return line.length() <= VALUE_CHARS ? line : line.substring(0, VALUE_CHARS - 3) + "...";
    }

    private static void arity(String command, List<String> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new IllegalArgumentException("Usage: drm:" + usage(command));
        }
    }

    static String usage(String command) {
        return COMMANDS.stream().filter(c -> c[0].equals(command)).map(c -> c[1]).findFirst().orElse(command);
    }

    private static String time(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
