package io.weft.auth.intelliproxy.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.weft.auth.intelliproxy.admin.UserAdmin;
import io.weft.auth.intelliproxy.user.Role;
import io.weft.auth.intelliproxy.user.User;

/**
 * What each {@code intelliproxy:*} command does, taking its arguments as strings and answering the text
 * to print. Free of Gogo types; {@link ShellCommands} registers them. Bad arguments throw
 * {@link IllegalArgumentException} with the usage or the reason, and nothing is changed.
 */
public final class UserCommands {

    private final UserAdmin admin;

    public UserCommands(UserAdmin admin) {
        this.admin = admin;
    }

    /** Command name to implementation, in the order {@code help} lists them. */
    public Map<String, Function<List<String>, String>> all() {
        Map<String, Function<List<String>, String>> out = new LinkedHashMap<>();
        out.put("user-create", this::userCreate);
        out.put("user-passwd", this::userPasswd);
        out.put("user-list", this::userList);
        out.put("user-disable", args -> enable(args, false));
        out.put("user-enable", args -> enable(args, true));
        out.put("user-roles", this::userRoles);
        out.put("role-list", this::roleList);
        out.put("role-grant", args -> grant(args, true));
        out.put("role-revoke", args -> grant(args, false));
        return out;
    }

    /** {@code user-create <name> <role>...}: the generated password is printed this once. */
    String userCreate(List<String> args) {
        usage(args.size() >= 1, "user-create <name> <role>...");
        char[] password = admin.create(args.get(0), args.subList(1, args.size()), null);
        return "Created user " + args.get(0) + " with roles " + args.subList(1, args.size())
                + ".\nPassword (shown only now): " + new String(password);
    }

    /** {@code user-passwd <name> [password]}: without a password one is generated and printed once. */
    String userPasswd(List<String> args) {
        usage(args.size() == 1 || args.size() == 2, "user-passwd <name> [password]");
        char[] generated = admin.setPassword(args.get(0), args.size() == 2 ? args.get(1).toCharArray() : null);
        return generated == null
                ? "Password of " + args.get(0) + " changed; its sessions ended."
                : "New password of " + args.get(0) + " (shown only now): " + new String(generated);
    }

    String userList(List<String> args) {
        usage(args.isEmpty(), "user-list");
        StringBuilder out = new StringBuilder(String.format("%-24s %-9s %s%n", "USER", "STATE", "ROLES"));
        for (User u : admin.users()) {
            out.append(String.format("%-24s %-9s %s%n", u.name(), u.enabled() ? "enabled" : "disabled",
                    String.join(",", u.roles())));
        }
        return out.toString().stripTrailing();
    }

    String enable(List<String> args, boolean enabled) {
        usage(args.size() == 1, enabled ? "user-enable <name>" : "user-disable <name>");
        admin.setEnabled(args.get(0), enabled);
        return (enabled ? "Enabled " : "Disabled ") + args.get(0) + (enabled ? "." : "; its sessions ended.");
    }

    String userRoles(List<String> args) {
        usage(args.size() >= 1, "user-roles <name> <role>...");
        admin.setRoles(args.get(0), args.subList(1, args.size()));
        return "User " + args.get(0) + " now has roles " + args.subList(1, args.size()) + ".";
    }

    String roleList(List<String> args) {
        usage(args.isEmpty(), "role-list");
        StringBuilder out = new StringBuilder(String.format("%-16s %-40s %s%n", "ROLE", "PERMISSIONS", "DESCRIPTION"));
        for (Role r : admin.roles()) {
            out.append(String.format("%-16s %-40s %s%n", r.name(),
                    String.join(",", r.permissions().stream().sorted().toList()), r.description()));
        }
        return out.toString().stripTrailing();
    }

    String grant(List<String> args, boolean grant) {
        usage(args.size() == 2, grant ? "role-grant <role> <permission>" : "role-revoke <role> <permission>");
        if (grant) {
            admin.grant(args.get(0), args.get(1));
            return "Role " + args.get(0) + " now grants " + args.get(1) + ".";
        }
        admin.revoke(args.get(0), args.get(1));
        return "Role " + args.get(0) + " no longer grants " + args.get(1) + ".";
    }

    private static void usage(boolean ok, String usage) {
        if (!ok) {
            throw new IllegalArgumentException("usage: intelliproxy:" + usage);
        }
    }
}
