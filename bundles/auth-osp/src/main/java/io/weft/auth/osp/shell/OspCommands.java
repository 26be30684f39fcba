package io.weft.auth.osp.shell;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.weft.auth.osp.admin.OspAdmin;

/**
 * Registers the {@code osp:} Gogo commands ({@code osp:tenant-create}, {@code osp:key-create}, ...).
 *
 * <p>Gogo maps a command name to a Java method of the same name, and {@code tenant-create} is no Java
 * name: so each command is its own {@link Function} service, which Gogo calls with the arguments as typed.
 * The registrations are this component's and go with it.
 */
@Component(immediate = true, service = {})
public final class OspCommands {

    private final List<ServiceRegistration<Function>> registrations = new ArrayList<>();

    @Activate
    public OspCommands(BundleContext context, @Reference(name = "admin") OspAdmin admin) {
        OspShell shell = new OspShell(admin);
        for (String[] command : OspShell.COMMANDS) {
            String name = command[0];
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("osgi.command.scope", "osp");
            props.put("osgi.command.function", new String[] {name});
            Function function = (CommandSession session, List<Object> arguments) -> {
                List<String> args = new ArrayList<>(arguments.size());
                for (Object a : arguments) {
                    args.add(String.valueOf(a));
                }
                return shell.run(name, args);
            };
            registrations.add(context.registerService(Function.class, function, props));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Function> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters a stopping bundle's services itself.
            }
        }
        registrations.clear();
    }
}
