package io.weft.acvip.book;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import io.weft.api.acvip.ServiceAddress;

/**
 * Every registered address with its source (local service, HTTP lease or both) and health.
 *
 * <p>An address is identified by service, host and port; registering it again replaces its data center
 * and zone. It is listed while it is registered and not {@link AddressState#DOWN}: it goes down when its
 * probes have failed for {@code deadAfter}, and up again at its first successful probe. A lease that runs
 * out removes an address that is not also registered locally.
 *
 * <p>Thread-safe. Each call that changes what is listed tells the change listener which services
 * changed, after the book's lock is released (the listener completes waiting polls and may call back).
 */
public final class AddressBook {

    /** Listed order: stable, so equal lists give equal checksums. */
    public static final Comparator<ServiceAddress> ORDER = Comparator.comparing(ServiceAddress::service)
            .thenComparing(ServiceAddress::host).thenComparingInt(ServiceAddress::port);

    private final Clock clock;
    private final Consumer<Set<String>> onChange;
    private volatile Duration deadAfter;
    /** Guarded by {@code this}. */
    private final Map<Key, Entry> entries = new HashMap<>();

    public AddressBook(Clock clock, Duration deadAfter, Consumer<Set<String>> onChange) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        setDeadAfter(deadAfter);
    }

    public void setDeadAfter(Duration deadAfter) {
        if (deadAfter.isNegative()) {
            throw new IllegalArgumentException("deadAfter must not be negative: " + deadAfter);
        }
        this.deadAfter = deadAfter;
    }

    /** A role of this node published the address as an OSGi service. */
    public void putLocal(ServiceAddress address) {
        notify(change(address, e -> e.local = true));
    }

    /** The OSGi service went away; the address stays only if it also holds a live lease. */
    public void removeLocal(ServiceAddress address) {
        Set<String> changed = new HashSet<>();
        synchronized (this) {
            Entry e = entries.get(Key.of(address));
            if (e != null) {
                e.local = false;
                if (e.leaseUntil == null || !e.leaseUntil.isAfter(clock.instant())) {
                    remove(Key.of(address), changed);
                }
            }
        }
        notify(changed);
    }

    /** Registers or renews an address over HTTP until now + {@code lease}. */
    public void renew(ServiceAddress address, Duration lease) {
        Instant until = clock.instant().plus(lease);
        notify(change(address, e -> e.leaseUntil = until));
    }

    /** Removes an address at once, whatever registered it over HTTP; a local registration stays. */
    public boolean unregister(ServiceAddress address) {
        Set<String> changed = new HashSet<>();
        boolean removed = false;
        synchronized (this) {
            Entry e = entries.get(Key.of(address));
            if (e != null) {
                e.leaseUntil = null;
                if (!e.local) {
                    remove(Key.of(address), changed);
                    removed = true;
                }
            }
        }
        notify(changed);
        return removed;
    }

    /** The result of one probe of an address (ignored if it was removed meanwhile). */
    public void probed(ServiceAddress address, boolean reachable) {
        Set<String> changed = new HashSet<>();
        synchronized (this) {
            Entry e = entries.get(Key.of(address));
            if (e != null) {
                Instant now = clock.instant();
                if (reachable) {
                    e.failingSince = null;
                    if (e.down) {
                        e.down = false;
                        changed.add(address.service());
                    }
                } else if (e.failingSince == null) {
                    e.failingSince = now;
                }
                judge(e, now, changed);
            }
        }
        notify(changed);
    }

    /** Ends leases that ran out and marks down what has failed for too long; run at every probe sweep. */
    public void expire() {
        Set<String> changed = new HashSet<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext();) {
                Entry e = it.next().getValue();
                if (e.leaseUntil != null && !e.leaseUntil.isAfter(now)) {
                    e.leaseUntil = null;
                    if (!e.local) {
                        it.remove();
                        if (!e.down) {
                            changed.add(e.address.service());
                        }
                        continue;
                    }
                }
                judge(e, now, changed);
            }
        }
        notify(changed);
    }

    /** The listed addresses of a service, in {@link #ORDER}. */
    public synchronized List<ServiceAddress> listed(String service) {
        List<ServiceAddress> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!e.down && e.address.service().equals(service)) {
                list.add(e.address);
            }
        }
        list.sort(ORDER);
        return list;
    }

    /** Every registration, listed or not, in {@link #ORDER}. */
    public synchronized List<Registration> registrations() {
        List<Registration> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            list.add(e.snapshot());
        }
        list.sort(Comparator.comparing(Registration::address, ORDER));
        return list;
    }

    /** How many addresses are in each state. */
    public synchronized Map<AddressState, Integer> counts() {
        Map<AddressState, Integer> counts = new EnumMap<>(AddressState.class);
        for (AddressState s : AddressState.values()) {
            counts.put(s, 0);
        }
        for (Entry e : entries.values()) {
            counts.merge(e.state(), 1, Integer::sum);
        }
        return counts;
    }

    private Set<String> change(ServiceAddress address, Consumer<Entry> update) {
        Set<String> changed = new HashSet<>();
        synchronized (this) {
            Key key = Key.of(address);
            Entry e = entries.get(key);
            if (e == null) {
                e = new Entry(address);
                entries.put(key, e);
                changed.add(address.service());
            } else if (!e.address.equals(address)) {
                e.address = address;
                if (!e.down) {
                    changed.add(address.service());
                }
            }
            update.accept(e);
        }
        return changed;
    }

    private void judge(Entry e, Instant now, Set<String> changed) {
        if (!e.down && e.failingSince != null && !now.isBefore(e.failingSince.plus(deadAfter))) {
            e.down = true;
            changed.add(e.address.service());
        }
    }

    private void remove(Key key, Set<String> changed) {
        Entry e = entries.remove(key);
        if (e != null && !e.down) {
            changed.add(e.address.service());
        }
    }

    private void notify(Set<String> changed) {
        if (!changed.isEmpty()) {
            onChange.accept(Set.copyOf(changed));
        }
    }

    private record Key(String service, String host, int port) {
        static Key of(ServiceAddress a) {
            return new Key(a.service(), a.host(), a.port());
        }
    }

    /** Mutable; only touched while holding the book's lock. */
    private static final class Entry {
        ServiceAddress address;
        boolean local;
        Instant leaseUntil;
        Instant failingSince;
        boolean down;

        Entry(ServiceAddress address) {
            this.address = address;
        }

        AddressState state() {
            return down ? AddressState.DOWN : failingSince != null ? AddressState.FAILING : AddressState.UP;
        }

        Registration snapshot() {
            return new Registration(address, local, leaseUntil, state(), failingSince);
        }
    }
}
