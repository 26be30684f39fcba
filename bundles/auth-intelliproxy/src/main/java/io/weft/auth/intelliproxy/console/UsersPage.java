package io.weft.auth.intelliproxy.console;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.weft.auth.intelliproxy.admin.UserAdmin;
import io.weft.auth.intelliproxy.user.Role;
import io.weft.auth.intelliproxy.user.User;

/**
 * The "Users" page: renders the users and roles, and applies the page's forms. Free of servlet types.
 *
 * <p>Forms post {@code action} = {@code create} (name, roles), {@code roles} (name, roles),
 * {@code disable}, {@code enable} or {@code passwd} (name). A generated password is shown once, in
 * the answer to the post, never stored in clear or put in a URL. Ids for browser tests:
 * {@code weft-users-list}, {@code weft-users-roles}, {@code weft-users-create}, {@code weft-users-result}.
 */
final class UsersPage {

    private final UserAdmin admin;

    UsersPage(UserAdmin admin) {
        this.admin = admin;
    }

    /** The page body (the console wraps it in its layout). */
    String render() {
        List<Role> roles = admin.roles();
        StringBuilder out = new StringBuilder(4096);
        out.append("<div id=\"weft-users-list\">\n<h2>Users</h2>\n<table class=\"nicetable\">\n")
                .append("<thead><tr><th>User</th><th>State</th><th>Roles</th><th></th></tr></thead>\n<tbody>\n");
        for (User u : admin.users()) {
            String name = LoginPage.escape(u.name());
            out.append("<tr data-user=\"").append(name).append("\"><td>").append(name).append("</td><td>")
                    .append(u.enabled() ? "enabled" : "disabled").append("</td><td>")
                    .append("<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"roles\">")
                    .append("<input type=\"hidden\" name=\"name\" value=\"").append(name).append("\">");
            roleBoxes(out, roles, u);
            out.append("<button type=\"submit\">Set roles</button></form></td><td>")
                    .append("<form method=\"post\"><input type=\"hidden\" name=\"name\" value=\"").append(name)
                    .append("\"><button name=\"action\" value=\"").append(u.enabled() ? "disable" : "enable")
                    .append("\">").append(u.enabled() ? "Disable" : "Enable").append("</button> ")
                    .append("<button name=\"action\" value=\"passwd\">New password</button></form></td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");

        out.append("<div id=\"weft-users-create\">\n<h2>Create a user</h2>\n<form method=\"post\">")
                .append("<input type=\"hidden\" name=\"action\" value=\"create\">")
                .append("<label>Name <input name=\"name\" required maxlength=\"64\"></label> ");
        roleBoxes(out, roles, null);
        out.append("<button type=\"submit\">Create</button> (a password is generated and shown once)</form>\n</div>\n");

        out.append("<div id=\"weft-users-roles\">\n<h2>Roles</h2>\n<table class=\"nicetable\">\n")
                .append("<thead><tr><th>Role</th><th>Description</th><th>Permissions</th></tr></thead>\n<tbody>\n");
        for (Role r : roles) {
            out.append("<tr data-role=\"").append(LoginPage.escape(r.name())).append("\"><td>")
                    .append(LoginPage.escape(r.name())).append("</td><td>").append(LoginPage.escape(r.description()))
                    .append("</td><td>").append(LoginPage.escape(String.join(", ", r.permissions().stream().sorted()
                            .toList()))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
        return out.toString();
    }

    /**
     * Applies one posted form and says what happened, as a small page of its own.
     *
     * @param form the posted parameters (each name to its values)
     */
    String apply(Map<String, String[]> form, String pageUrl) {
        String action = first(form, "action");
        String name = first(form, "name");
        List<String> roles = form.containsKey("roles") ? Arrays.asList(form.get("roles")) : List.of();
        String message;
        String password = null;
        try {
            switch (action == null ? "" : action) {
                case "create" -> {
                    password = new String(admin.create(name, roles, null));
                    message = "Created user " + name + " with roles " + roles + ".";
                }
                case "roles" -> {
                    admin.setRoles(name, roles);
                    message = "User " + name + " now has roles " + roles + ".";
                }
                case "disable" -> {
                    admin.setEnabled(name, false);
                    message = "Disabled user " + name + "; its sessions ended.";
                }
                case "enable" -> {
                    admin.setEnabled(name, true);
                    message = "Enabled user " + name + ".";
                }
                case "passwd" -> {
                    password = new String(admin.setPassword(name, null));
                    message = "New password for user " + name + "; its sessions ended.";
                }
                default -> throw new IllegalArgumentException("Unknown action " + (action == null ? "(none)" : action));
            }
        } catch (IllegalArgumentException e) {
            message = "Refused: " + e.getMessage();
        }
        StringBuilder out = new StringBuilder(512);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Users</title></head>")
                .append("<body><div id=\"weft-users-result\"><p>").append(LoginPage.escape(message)).append("</p>");
        if (password != null) {
            out.append("<p>Password (shown only now): <code id=\"weft-users-password\">")
                    .append(LoginPage.escape(password)).append("</code></p>");
        }
        out.append("<p><a href=\"").append(LoginPage.escape(pageUrl)).append("\">Back to Users</a></p></div></body></html>\n");
        return out.toString();
    }

    private static void roleBoxes(StringBuilder out, List<Role> roles, User user) {
        for (Role r : roles) {
            String role = LoginPage.escape(r.name());
            out.append("<label><input type=\"checkbox\" name=\"roles\" value=\"").append(role).append("\"")
                    .append(user != null && user.roles().contains(r.name()) ? " checked" : "").append("> ")
                    .append(role).append("</label> ");
        }
    }

    private static String first(Map<String, String[]> form, String key) {
        String[] values = form.get(key);
        return values == null || values.length == 0 ? null : values[0];
    }
}
