package io.weft.platform.feature;

import org.osgi.service.feature.FeatureBundle;

/**
 * Start levels of a node. The launcher brings the framework to {@link #CONFIGURATION} first and
 * waits until every configuration file is in ConfigAdmin, so no component ever starts on a default
 * it is about to lose (Jetty binding a default port, say). Then it raises the level to
 * {@link #APPLICATION}.
 */
public final class StartLevels {

    /** ConfigAdmin, FileInstall and the log service. */
    public static final int CONFIGURATION = 1;
    /** Libraries. Bundles without a {@value #METADATA_KEY} start here. */
    public static final int LIBRARIES = 2;
    /** Weft's own bundles, after SCR and HTTP (level 3). */
    public static final int APPLICATION = 5;

    /** Bundle metadata key in a feature file, e.g. {@code "start-order": 1}. */
    public static final String METADATA_KEY = "start-order";

    private StartLevels() {
    }

    public static int of(FeatureBundle bundle) {
        Object value = bundle.getMetadata().get(METADATA_KEY);
        if (value == null) {
            return LIBRARIES;
        }
        int level = Integer.parseInt(value.toString().trim());
        if (level < 1 || level > APPLICATION) {
            throw new IllegalArgumentException(bundle.getID() + ": " + METADATA_KEY + " must be 1.." + APPLICATION);
        }
        return level;
    }
}
