package io.weft.deployer;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Weft deploy folder",
        description = "Bundles dropped into this folder are installed; a newer version of a running bundle replaces it.")
public @interface DeployerConfig {

    @AttributeDefinition(name = "Folder",
            description = "Folder to watch. Empty means deploy/ under the node's home.")
    String folder() default "";

    @AttributeDefinition(name = "Poll interval (ms)",
            description = "How often the folder is scanned. A jar is acted on once it is unchanged for one interval, so a copy in progress is not read; a jar that is still incomplete cannot be opened, is refused in deploy.log and is taken again once it changes. For slow transfers, copy next to the folder and move the jar in.")
    long pollIntervalMillis() default 500;
}
