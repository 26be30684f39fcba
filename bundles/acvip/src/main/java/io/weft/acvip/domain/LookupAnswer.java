package io.weft.acvip.domain;

import java.util.List;
import java.util.Map;

/**
 * The answer to one lookup: every requested domain is in exactly one of the three parts.
 *
 * @param changed     domains whose checksum differs from the client's, in full
 * @param notModified names of domains whose checksum equals the client's
 * @param unknown     names of domains that do not exist, with the reason
 */
public record LookupAnswer(List<DomainView> changed, List<String> notModified, Map<String, String> unknown) {

    public LookupAnswer {
        changed = List.copyOf(changed);
        notModified = List.copyOf(notModified);
        unknown = Map.copyOf(unknown);
    }

    /** Something the client does not know yet: a long poll answers at once. */
    public boolean hasNews() {
        return !changed.isEmpty() || !unknown.isEmpty();
    }
}
