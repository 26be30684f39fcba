package io.weft.acvip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.weft.acvip.poll.Timer;
import io.weft.api.acvip.AcvipServices;
import io.weft.api.osp.AccessKey;
import io.weft.api.osp.Instance;
import io.weft.api.osp.InstanceDirectory;
import io.weft.api.osp.RequestSigning;
import io.weft.api.osp.SignatureVerifier;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;
import io.weft.api.osp.Verification.Reason;

/**
 * Test doubles: an instance directory, a signature verifier, a timer fired by hand.
 */
public final class Fakes {

    private Fakes() {
    }

    /** Instances by id; {@code default} has every product, as in standalone. */
    public static final class Directory implements InstanceDirectory {
        private final Map<String, Instance> instances = new ConcurrentHashMap<>();

        public Directory() {
            put("default", AcvipServices.KNOWN);
        }

        public Directory put(String id, Set<String> products) {
            instances.put(id, new Instance(id, "tenant", "workspace", products));
            return this;
        }

        @Override
        public List<Instance> instances() {
            return instances.values().stream().sorted((a, b) -> a.instanceId().compareTo(b.instanceId())).toList();
        }

        @Override
        public Optional<Instance> instance(String instanceId) {
            return Optional.ofNullable(instances.get(instanceId));
        }
    }

    /**
     * OSP's verifier as auth-osp's HmacSignatureVerifier behaves (that one is not visible here): the
     * checks in the same order, a five-minute window around the system clock, replays of one-shot
     * signatures refused. Counts its calls.
     */
    public static final class Verifier implements SignatureVerifier {
        private record Key(AccessKey key, String secret) {
        }

        private final Map<String, Key> keys = new ConcurrentHashMap<>();
        private final Set<String> used = ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        public Verifier key(String accessKeyId, String secret, String instanceId, String... permissions) {
            keys.put(accessKeyId, new Key(new AccessKey(accessKeyId, instanceId, Set.of(permissions),
                    Instant.now(), null), secret));
            return this;
        }

        public int calls() {
            return calls.get();
        }

        @Override
        public Verification verify(SignedRequest r) {
            calls.incrementAndGet();
            if (r.accessKeyId() == null || r.accessKeyId().isBlank() || r.signature() == null) {
                return Verification.refused(Reason.MALFORMED, "No AccessKey or signature");
            }
            Key k = keys.get(r.accessKeyId());
            if (k == null) {
                return Verification.refused(Reason.UNKNOWN_ACCESS_KEY, "Unknown AccessKey " + r.accessKeyId());
            }
            if (Math.abs(System.currentTimeMillis() - r.timestamp()) > Duration.ofMinutes(5).toMillis()) {
                return Verification.refused(Reason.EXPIRED, "Timestamp of AccessKey " + r.accessKeyId() + " too old");
            }
            String expected = RequestSigning.sign(k.secret(),
                    RequestSigning.stringToSign(r.instanceId(), r.timestamp(), r.content()));
            if (!expected.equals(r.signature())) {
                return Verification.refused(Reason.BAD_SIGNATURE, "Signature does not match for AccessKey "
                        + r.accessKeyId());
            }
            if (!k.key().instanceId().equals(r.instanceId())) {
                return Verification.refused(Reason.INSTANCE_MISMATCH, "AccessKey " + r.accessKeyId()
                        + " belongs to instance " + k.key().instanceId() + ", not to " + r.instanceId());
            }
            if (r.permission() != null && !k.key().grants(r.permission())) {
                return Verification.refused(Reason.PERMISSION_DENIED, "AccessKey " + r.accessKeyId()
                        + " lacks permission " + r.permission());
            }
            if (r.singleUse() && !used.add(r.accessKeyId() + " " + r.signature())) {
                return Verification.refused(Reason.REPLAYED, "Signature of AccessKey " + r.accessKeyId()
                        + " at timestamp " + r.timestamp() + " was already used");
            }
            return Verification.accepted(k.key());
        }
    }

    /** Remembers scheduled tasks; {@link #fireAll} runs those not cancelled. */
    public static final class ManualTimer implements Timer {
        private final List<Task> tasks = new ArrayList<>();

        @Override
        public synchronized Runnable schedule(Runnable task, Duration delay) {
            Task t = new Task(task);
            tasks.add(t);
            return () -> t.cancelled = true;
        }

        public void fireAll() {
            List<Task> due;
            synchronized (this) {
                due = new ArrayList<>(tasks);
                tasks.clear();
            }
            due.stream().filter(t -> !t.cancelled).forEach(t -> t.task.run());
        }

        public synchronized long pending() {
            return tasks.stream().filter(t -> !t.cancelled).count();
        }

        private static final class Task {
            final Runnable task;
            volatile boolean cancelled;

            Task(Runnable task) {
                this.task = task;
            }
        }
    }
}
