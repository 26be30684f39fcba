package io.weft.auth.osp.shell;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.Instance;
import io.weft.auth.osp.admin.NewAccessKey;
import io.weft.auth.osp.admin.OspAdmin;
import io.weft.auth.osp.admin.OspRequestException;
import io.weft.auth.osp.store.Tenant;

/**
 * The {@code osp:} commands as text in, text out, free of Gogo types so they are tested with plain JUnit.
 * Listings are aligned columns with a header line; they never show a SecretKey. {@code key-create} is the
 * one place a SecretKey is printed, once.
 */
public final class OspShell {

    /** Command names, as typed after {@code osp:}, with their usage. */
    public static final List<String[]> COMMANDS = List.of(
            new String[] {"tenant-create", "tenant-create <tenant>"},
            new String[] {"tenant-list", "tenant-list"},
            new String[] {"instance-create", "instance-create <tenant> <instanceId> [workspace] [products...]"},
            new String[] {"instance-list", "instance-list"},
            new String[] {"key-create", "key-create <instanceId> <permission,...>"},
            new String[] {"key-list", "key-list [instanceId]"},
            new String[] {"key-revoke", "key-revoke <accessKeyId>"});

    private final OspAdmin admin;

    public OspShell(OspAdmin admin) {
        this.admin = admin;
    }

    /**
     * Runs one command.
     *
     * @throws OspRequestException with the usage or the reason, when the command is refused
     */
    public String run(String command, List<String> args) {
        switch (command) {
            case "tenant-create" -> {
                arity(command, args, 1, 1);
                Tenant t = admin.createTenant(args.get(0));
                return "Created tenant " + t.name() + "\n";
            }
            case "tenant-list" -> {
                arity(command, args, 0, 0);
                return tenants(admin.tenants(), admin.instances());
            }
            case "instance-create" -> {
                arity(command, args, 2, Integer.MAX_VALUE);
                String workspace = args.size() > 2 ? args.get(2) : null;
                List<String> products = args.size() > 3 ? args.subList(3, args.size()) : List.of();
                Instance i = admin.createInstance(args.get(0), args.get(1), workspace, products);
                return "Created instance " + i.instanceId() + " (tenant " + i.tenant() + ", workspace "
                        + i.workspace() + ", products " + String.join(",", i.products().stream().sorted().toList())
                        + ")\n";
            }
            case "instance-list" -> {
                arity(command, args, 0, 0);
                return instances(admin.instances());
            }
            case "key-create" -> {
                arity(command, args, 2, Integer.MAX_VALUE);
                // Gogo splits "a, b" at the space: accept the permissions as one or several arguments.
                List<String> permissions = Stream.of(String.join(",", args.subList(1, args.size())).split(","))
                        .map(String::strip).filter(p -> !p.isEmpty()).toList();
                NewAccessKey created = admin.createAccessKey(args.get(0), permissions);
                return created(created);
            }
            case "key-list" -> {
                arity(command, args, 0, 1);
                List<AccessKey> keys = admin.accessKeys();
                if (args.size() == 1) {
                    keys = keys.stream().filter(k -> k.instanceId().equals(args.get(0))).toList();
                }
                return keys(keys);
            }
            case "key-revoke" -> {
                arity(command, args, 1, 1);
                AccessKey k = admin.revokeAccessKey(args.get(0));
                return "Revoked AccessKey " + k.accessKeyId() + " (instance " + k.instanceId() + ")\n";
            }
            default -> throw new OspRequestException("Unknown command osp:" + command);
        }
    }

    static String created(NewAccessKey created) {
        AccessKey k = created.key();
        return "Created AccessKey for instance " + k.instanceId() + "\n"
                + "AccessKey: " + k.accessKeyId() + "\n"
                + "SecretKey: " + created.secretKey() + "\n"
                + "Permissions: " + String.join(",", k.permissions().stream().sorted().toList()) + "\n"
                + "The SecretKey is shown only now: store it (com.antcloud.mw.secret) before closing this shell.\n";
    }

    static String tenants(List<Tenant> tenants, List<Instance> instances) {
        Table t = new Table("TENANT", "INSTANCES", "CREATED");
        for (Tenant tenant : tenants) {
            long count = instances.stream().filter(i -> i.tenant().equals(tenant.name())).count();
            t.row(tenant.name(), Long.toString(count), time(tenant.createdAt()));
        }
        return t.render();
    }

    static String instances(List<Instance> instances) {
        Table t = new Table("INSTANCE", "TENANT", "WORKSPACE", "PRODUCTS");
        for (Instance i : instances) {
            t.row(i.instanceId(), i.tenant(), i.workspace(), String.join(",", i.products().stream().sorted().toList()));
        }
        return t.render();
    }

    static String keys(List<AccessKey> keys) {
        Table t = new Table("ACCESSKEY", "INSTANCE", "STATE", "CREATED", "PERMISSIONS");
        for (AccessKey k : keys) {
            t.row(k.accessKeyId(), k.instanceId(), k.isActive() ? "active" : "revoked " + time(k.revokedAt()),
                    time(k.createdAt()), String.join(",", k.permissions().stream().sorted().toList()));
        }
        return t.render();
    }

    private static void arity(String command, List<String> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new OspRequestException("Usage: osp:" + usage(command));
        }
    }

    static String usage(String command) {
        return COMMANDS.stream().filter(c -> c[0].equals(command)).map(c -> c[1]).findFirst().orElse(command);
    }

    private static String time(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Left-aligned columns, two spaces apart. */
    private static final class Table {
        private final List<String[]> rows = new java.util.ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        String render() {
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            StringBuilder out = new StringBuilder();
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
            return out.toString();
        }
    }
}
