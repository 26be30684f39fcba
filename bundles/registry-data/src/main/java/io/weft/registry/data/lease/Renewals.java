package io.weft.registry.data.lease;

import io.weft.registry.data.slot.LocalSlots;
import io.weft.registry.data.store.DatumStore;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.SessionLeaseRenew;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions' lease renewals (REG-34): a {@link SessionLeaseRenew}, and every publish, renews the lease of its session
 * process; a session address that shows up with a new process id has restarted and its old process's publishers
 * go ({@link LeaseEvictor#superseded}). The renewal's publisher count is compared with what this server holds of
 * that process in the slots it leads; a difference is logged in registry-renew.log ({@code dataRenew_Snapshot})
 * when it first appears or changes, not at every renewal.
 *
 * <p>Thread-safe.
 */
public final class Renewals {

    private static final Logger RENEW_LOG = LoggerFactory.getLogger("registry.renew");
    /** Past this many remembered differences, those of processes without a lease are forgotten. */
    private static final int DIFFERENCES_KEPT = 64;

    private final SessionLeases leases;
    private final LeaseEvictor evictor;
    private final DatumStore store;
    private final LocalSlots slots;
    private final Clock clock;
    /** The last difference logged per session process, so a lasting one is one line. */
    private final Map<String, String> differences = new ConcurrentHashMap<>();

    public Renewals(SessionLeases leases, LeaseEvictor evictor, DatumStore store, LocalSlots slots, Clock clock) {
        this.leases = leases;
        this.evictor = evictor;
        this.store = store;
        this.slots = slots;
        this.clock = clock;
    }

    public DataReply renew(SessionLeaseRenew renew) {
        DataReply reply = new DataReply();
        String address = renew.getSessionAddress();
        String process = renew.getSessionProcessId();
        if (address == null || address.isBlank() || process == null || process.isBlank()) {
            reply.setMessage("SessionLeaseRenew needs sessionAddress and sessionProcessId");
            return reply;
        }
        boolean known = leases.known(process);
        touch(address, process);
        LocalSlots.Led led = slots.led();
        int held = store.publisherCount(process, led.slotCount(), led.slots());
        if (!known) {
            RENEW_LOG.info("[renew] session {} process {}: lease started, {} of its publishers held here", address,
                    process, held);
        }
        reply.setSuccess(true);
        reply.setHeldPublishers(held);
        if (held != renew.getPublisherCount()) {
            String difference = "session reports " + renew.getPublisherCount() + " publishers in slots led here, "
                    + held + " are held";
            reply.setMessage(difference);
            if (!difference.equals(differences.put(process, difference))) {
                RENEW_LOG.info("[renew] dataRenew_Snapshot: session {} process {}: {}", address, process,
                        difference);
            }
            forgetOldDifferences();
        } else if (differences.remove(process) != null) {
            RENEW_LOG.info("[renew] session {} process {}: publisher counts agree again ({})", address, process,
                    held);
        } else {
            RENEW_LOG.debug("[renew] session {} process {} renewed, {} publishers", address, process, held);
        }
        return reply;
    }

    /** Renews the lease of a session process that just published. */
    public void touch(String sessionAddress, String sessionProcessId) {
        leases.renew(sessionAddress, sessionProcessId, clock.millis())
                .filter(old -> !Objects.equals(old.sessionProcessId(), sessionProcessId))
                .ifPresent(old -> evictor.superseded(old, sessionProcessId));
    }

    private void forgetOldDifferences() {
        if (differences.size() > DIFFERENCES_KEPT) {
            differences.keySet().removeIf(process -> !leases.known(process));
        }
    }
}
