package io.weft.acvip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.weft.acvip.poll.Timer;
import io.weft.api.acvip.AcvipServices;
import io.weft.api.osp.Instance;
import io.weft.api.osp.InstanceDirectory;

/** Test doubles: an instance directory, a clock that moves only when told, a timer fired by hand. */
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

    public static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-22T03:00:00Z");

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
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
