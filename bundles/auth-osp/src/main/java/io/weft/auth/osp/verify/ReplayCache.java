package io.weft.auth.osp.verify;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The single-use signatures already accepted, each until the moment its timestamp leaves the skew
 * window (after that the timestamp check refuses it anyway). Bounded: past {@code capacity} the oldest
 * entry goes, which re-opens only that one signature to a replay — the price of bounded memory under a
 * flood. Thread-safe (all access synchronised; each call is short).
 */
public final class ReplayCache {

    private final Map<String, Long> expiries = new LinkedHashMap<>();
    private int capacity;

    public ReplayCache(int capacity) {
        setCapacity(capacity);
    }

    public synchronized void setCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay cache capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        trim();
    }

    /**
     * Records a signature as used until {@code expiresAtMillis}.
     *
     * @return {@code true} the first time, {@code false} if it was seen and has not expired
     */
    public synchronized boolean firstUse(String accessKeyId, String signature, long expiresAtMillis, long nowMillis) {
        purgeExpired(nowMillis);
        String key = accessKeyId + '\n' + signature;
        Long expiry = expiries.get(key);
        if (expiry != null && expiry > nowMillis) {
            return false;
        }
        expiries.put(key, expiresAtMillis);
        trim();
        return true;
    }

    public synchronized int size() {
        return expiries.size();
    }

    /** Entries arrive roughly in expiry order, so dropping expired ones from the head is enough. */
    private void purgeExpired(long nowMillis) {
        Iterator<Long> it = expiries.values().iterator();
        while (it.hasNext() && it.next() <= nowMillis) {
            it.remove();
        }
    }

    private void trim() {
        Iterator<String> it = expiries.keySet().iterator();
        while (expiries.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
