package io.weft.auth.intelliproxy;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of intelliproxy, PID {@code io.weft.auth.intelliproxy}. Every change applies without restart. */
@ObjectClassDefinition(
        name = "Weft intelliproxy",
        description = "Console login with intelliproxy users and roles, and permission checks of ops endpoints.")
public @interface IntelliproxyConfig {

    @AttributeDefinition(
            name = "Enabled",
            description = "Users log into the Web Console with intelliproxy accounts and ops endpoints check"
                    + " permissions. Off: the console falls back to its own single user (OsgiManager username/"
                    + "password) and ops endpoints allow every call.")
    boolean enabled() default true;

    @AttributeDefinition(
            name = "Session timeout (minutes)",
            description = "A console login ends after this many minutes without a request.",
            min = "1")
    int sessionTimeoutMinutes() default 30;

    @AttributeDefinition(
            name = "Ops calls from loopback need a login",
            description = "Off (default, as in the ops guide's runbooks): ops endpoints called from the node's own"
                    + " host (curl on localhost) need no credentials. On: every ops call must authenticate"
                    + " (curl -u user:password) and hold the permission.")
    boolean opsRequireLoginFromLoopback() default false;

    @AttributeDefinition(
            name = "Failed logins before a pause",
            description = "After this many failed logins for one user from one address (four times as many from"
                    + " one address for any users), further attempts are refused for the lockout time.",
            min = "1")
    int maxFailedLogins() default 5;

    @AttributeDefinition(
            name = "Lockout after failed logins (seconds)",
            description = "How long login attempts are refused once the failure limit is reached.",
            min = "0")
    int failedLoginLockoutSeconds() default 300;

    @AttributeDefinition(
            name = "Console root",
            description = "Path of the Web Console (its manager.root), for the login page and page permissions.")
    String consoleRoot() default "/system/console";
}
