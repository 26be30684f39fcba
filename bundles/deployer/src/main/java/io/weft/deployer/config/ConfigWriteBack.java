package io.weft.deployer.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Dictionary;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code conf/<pid>.cfg} the truth for configurations changed in the Web Console.
 *
 * <p>The node's configuration files are loaded by FileInstall, which writes a configuration back
 * to its file only while the configuration still carries FileInstall's
 * {@code felix.fileinstall.filename} property, and the Web Console's configuration page drops that
 * property when it saves. Without this component such a change would be live but lost at the next
 * restart, when the files are read again. So when a configuration that has a file in {@code conf/}
 * is updated without that property, its values are written to the file (atomically); FileInstall
 * then reads the file back and marks the configuration as its own again.
 */
@Component(service = ConfigurationListener.class)
public final class ConfigWriteBack implements ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWriteBack.class);

    private final ConfigurationAdmin configurationAdmin;
    private final Path confDir;

    @Activate
    public ConfigWriteBack(@Reference ConfigurationAdmin configurationAdmin, BundleContext context) {
        this.configurationAdmin = configurationAdmin;
        String home = context.getProperty("weft.home");
        this.confDir = Path.of(home == null ? "." : home).resolve("conf");
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() != ConfigurationEvent.CM_UPDATED || event.getFactoryPid() != null) {
            return;
        }
        Path file = confDir.resolve(event.getPid() + ".cfg");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Configuration configuration = configurationAdmin.getConfiguration(event.getPid(), "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null || properties.get("felix.fileinstall.filename") != null) {
                return; // FileInstall's own (it writes those back itself), or deleted meanwhile
            }
            String text = ConfigFileFormat.render(properties, "Saved from the Web Console at " + Instant.now()
                    + ". Edit freely: changes apply without restart.");
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("configuration {} changed in the console: written back to {}", event.getPid(), file);
        } catch (IOException | RuntimeException e) {
            LOG.error("configuration {} changed in the console but could not be written to {}: {}; "
                    + "the change is live but will be lost at restart", event.getPid(), file, e.getMessage(), e);
        }
    }
}
