package io.weft.drm.server.admin.shell;

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

import io.weft.api.drm.DrmAdmin;

/**
 * Registers the {@code drm:} Gogo commands ({@code drm:attributes}, {@code drm:push}, ...) while a
 * {@link DrmAdmin} is there. Each command is its own {@link Function} service, called with the arguments as
 * typed, as the {@code osp:} commands are. The registrations are this component's and go with it.
 */
@Component(immediate = true, service = {})
public final class DrmCommands {

    private final List<ServiceRegistration<Function>> registrations = new ArrayList<>();

    @Activate
    public DrmCommands(BundleContext context, @Reference(name = "admin") DrmAdmin admin) {
        DrmShell shell = new DrmShell(admin);
        for (String[] command : DrmShell.COMMANDS) {
            String name = command[0];
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("osgi.command.scope", "drm");
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
