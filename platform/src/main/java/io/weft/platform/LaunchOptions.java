package io.weft.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line: {@code [--home DIR] [--role R[,R...]] [--console]}.
 *
 * @param home    the node's home folder (conf/, data/, logs/, deploy/ live below it)
 * @param roles   roles given on the command line; empty means "as configured in conf/weft.properties"
 * @param console whether to run the Gogo shell on standard input
 */
public record LaunchOptions(Path home, List<String> roles, boolean console) {

    public static LaunchOptions parse(String[] args, Path defaultHome) {
        Path home = defaultHome;
        List<String> roles = new ArrayList<>();
        boolean console = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--home" -> home = Path.of(valueOf(args, ++i, arg));
                case "--role", "--roles" -> roles.addAll(NodeConfig.splitList(valueOf(args, ++i, arg)));
                case "--console" -> console = true;
                default -> throw new LaunchException(LaunchException.USAGE,
                        "unknown option '" + arg + "'; usage: [--home DIR] [--role ROLE[,ROLE...]] [--console]");
            }
        }
        return new LaunchOptions(home.toAbsolutePath().normalize(), List.copyOf(roles), console);
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new LaunchException(LaunchException.USAGE, "option " + option + " needs a value");
        }
        return args[i];
    }
}
