package io.weft.registry.data.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What waits to be sent, by destination, with at most one send to a destination running at a time (decision record
 * 0027). An item added while nothing runs for its destination is sent at once, alone; items added while a send
 * runs wait and go together in the next one, up to {@code maxItems} and, past the first item, up to {@code maxBytes}
 * as {@code bytes} estimates them (the receiver refuses a frame over its payload limit). So a quiet server sends
 * each change as soon as it happens and a busy one sends fewer, larger messages instead of a frame (and a task) per
 * change.
 *
 * <p>The order of a destination's items is kept. Thread-safe; the sends run on the executor given, and an item
 * added once that executor refuses work (the server is closing) is dropped.
 *
 * @param <T> the item
 */
public final class Outboxes<T> {

    /**
     * What a batch may take, estimated: a quarter of the payload a data server or session reads by default (1 MiB,
     * {@code maxPayloadBytes}), so an estimate short by a factor of four still gets through.
     */
    public static final long MAX_BATCH_BYTES = 256 * 1024;

    /** Sends one destination's items; runs on the executor, never for the same destination twice at once. */
    @FunctionalInterface
    public interface Sender<T> {
        void send(String destination, List<T> items);
    }

    private final ConcurrentHashMap<String, Outbox<T>> boxes = new ConcurrentHashMap<>();
    private final Executor executor;
    private final int maxItems;
    private final long maxBytes;
    private final ToLongFunction<T> bytes;
    private final Sender<T> sender;

    /**
     * @param maxItems the most items a send takes
     * @param maxBytes the most estimated bytes a send takes, unless its first item alone is more
     * @param bytes    an item's estimated size on the wire
     */
    public Outboxes(Executor executor, int maxItems, long maxBytes, ToLongFunction<T> bytes, Sender<T> sender) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1: " + maxItems);
        }
        this.executor = executor;
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.bytes = bytes;
        this.sender = sender;
    }

    /** @return whether the destination had no outbox before (a new connection, say) */
    public boolean add(String destination, T item) {
        Outbox<T> box = boxes.get(destination);
        boolean opened = box == null;
        if (opened) {
            box = boxes.computeIfAbsent(destination, Outbox::new);
        }
        box.waiting.add(item);
        scheduleIfIdle(box);
        return opened;
    }

    /** Drops what waits for {@code destination} (a connection that closed): a send running now still ends. */
    public void forget(String destination) {
        Outbox<T> box = boxes.remove(destination);
        if (box != null) {
            box.waiting.clear();
        }
    }

    /** Drops the outboxes of the destinations {@code gone} selects (connections that closed), with their items. */
    public void forgetIf(Predicate<String> gone) {
        for (String destination : boxes.keySet()) {
            if (gone.test(destination)) {
                forget(destination);
            }
        }
    }

    /** The items waiting, over every destination (not those of a send running now); counts each one. */
    public int waiting() {
        int sum = 0;
        for (Outbox<T> box : boxes.values()) {
            sum += box.waiting.size();
        }
        return sum;
    }

    private void scheduleIfIdle(Outbox<T> box) {
        if (!box.waiting.isEmpty() && box.sending.compareAndSet(false, true)) {
            try {
                executor.execute(() -> drain(box));
            } catch (RejectedExecutionException closing) {
                box.waiting.clear();
                box.sending.set(false);
            }
        }
    }

    private void drain(Outbox<T> box) {
        try {
            List<T> items = new ArrayList<>();
            long taken = 0;
            T next;
            // Only this drain takes items out (forget() may empty the queue meanwhile: then nothing is sent).
            while (items.size() < maxItems && (next = box.waiting.peek()) != null) {
                long size = bytes.applyAsLong(next);
                if (!items.isEmpty() && taken + size > maxBytes) {
                    break;
                }
                T polled = box.waiting.poll();
                if (polled == null) {
                    break;
                }
                items.add(polled);
                taken += size;
            }
            if (!items.isEmpty()) {
                sender.send(box.destination, items);
            }
        } finally {
            box.sending.set(false);
            // An item added after the poll above found the send still marked running: it is sent now.
            scheduleIfIdle(box);
        }
    }

    private static final class Outbox<T> {
        final String destination;
        final Queue<T> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean sending = new AtomicBoolean();

        Outbox(String destination) {
            this.destination = destination;
        }
    }
}
