package io.weft.api.osp;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Read access to the instances OSP knows. Thread-safe; answers from memory or a local database. */
@ProviderType
public interface InstanceDirectory {

    /** Every instance, ordered by instanceId. */
    List<Instance> instances();

    /** The instance of that id, if it exists. */
    Optional<Instance> instance(String instanceId);
}
