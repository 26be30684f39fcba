package io.weft.auth.intelliproxy.shell;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.weft.auth.intelliproxy.IntelliproxyService;

/**
 * Registers the {@code intelliproxy:*} commands with the Gogo shell.
 *
 * <p>One Gogo {@code Function} service per command, because Gogo maps a command name to a Java method
 * of the same name and {@code user-create} cannot be one. Registered in activate and withdrawn in
 * deactivate, so the commands live exactly as long as intelliproxy does.
 */
@Component(service = {})
public final class ShellCommands {

    static final String SCOPE = "intelliproxy";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public ShellCommands(BundleContext context, @Reference(name = "intelliproxy") IntelliproxyService intelliproxy) {
        UserCommands commands = new UserCommands(intelliproxy.users());
        for (Map.Entry<String, java.util.function.Function<List<String>, String>> c : commands.all().entrySet()) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(CommandProcessor.COMMAND_SCOPE, SCOPE);
            properties.put(CommandProcessor.COMMAND_FUNCTION, c.getKey());
            org.apache.felix.service.command.Function function = (CommandSession session, List<Object> args) -> {
                List<String> strings = new ArrayList<>();
                for (Object a : args) {
                    strings.add(String.valueOf(a));
                }
                return c.getValue().apply(strings);
            };
            registrations.add(context.registerService(org.apache.felix.service.command.Function.class, function,
                    properties));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework already withdrew it while stopping the bundle.
            }
        }
        registrations.clear();
    }
}
