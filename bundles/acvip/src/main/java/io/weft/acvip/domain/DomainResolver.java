package io.weft.acvip.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.weft.acvip.book.AddressBook;
import io.weft.api.acvip.ServiceAddress;
import io.weft.api.osp.Instance;
import io.weft.api.osp.InstanceDirectory;

/**
 * Domains from the instance directory and the address book. Every address of a service is listed in
 * the domain of each instance that has the product enabled: Weft's servers serve all instances, the
 * instance is a namespace inside them. Computed on each call, so a product enabled in OSP shows at the
 * next lookup. Thread-safe.
 */
public final class DomainResolver {

    private final Supplier<InstanceDirectory> directory;
    private final AddressBook book;

    public DomainResolver(Supplier<InstanceDirectory> directory, AddressBook book) {
        this.directory = directory;
        this.book = book;
    }

    /**
     * The domain as it is now.
     *
     * @throws IllegalArgumentException the domain does not exist, with the reason
     */
    public DomainView resolve(String name) {
        DomainName domain = DomainName.parse(name);
        Optional<Instance> instance = directory.get().instance(domain.instanceId());
        if (instance.isEmpty()) {
            throw new IllegalArgumentException("no instance '" + domain.instanceId() + "'");
        }
        boolean enabled = instance.get().isEnabled(domain.service());
        List<ServiceAddress> addresses = enabled ? book.listed(domain.service()) : List.of();
        return new DomainView(name, enabled, addresses, Checksums.of(name, enabled, addresses));
    }

    /** Answers a lookup of several domains, given the checksum the client holds for each. */
    public LookupAnswer answer(Map<String, String> checksums) {
        List<DomainView> changed = new ArrayList<>();
        List<String> notModified = new ArrayList<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, String> request : checksums.entrySet()) {
            try {
                DomainView view = resolve(request.getKey());
                if (view.checksum().equals(request.getValue())) {
                    notModified.add(view.name());
                } else {
                    changed.add(view);
                }
            } catch (IllegalArgumentException e) {
                unknown.put(request.getKey(), e.getMessage());
            }
        }
        return new LookupAnswer(changed, notModified, unknown);
    }

    /** How many domains exist: every instance times every product. */
    public int domainCount() {
        return directory.get().instances().size() * io.weft.api.acvip.AcvipServices.KNOWN.size();
    }
}
