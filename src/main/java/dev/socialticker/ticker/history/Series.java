package dev.socialticker.ticker.history;

import java.util.Arrays;

/**
 * One resolution of a history: buckets in ascending key order (epoch seconds for raw readings, epoch
 * hours, epoch days), each with its last, lowest and highest count, in primitive arrays. Written by
 * hand because a year of readings as objects would cost several times the memory the numbers need,
 * and no collection library we use keeps sorted parallel columns of longs. Not thread-safe: its
 * {@link SourceHistory} guards it.
 */
final class Series {
    private long[] keys = new long[16];
    private long[] last = new long[16];
    private long[] min = new long[16];
    private long[] max = new long[16];
    private int size;

    int size() {
        return size;
    }

    long key(int index) {
        return keys[index];
    }

    long last(int index) {
        return last[index];
    }

    long min(int index) {
        return min[index];
    }

    long max(int index) {
        return max[index];
    }

    long lastKey() {
        return keys[size - 1];
    }

    long lastCount() {
        return last[size - 1];
    }

    /**
     * Puts {@code count} into the bucket {@code key}: a new bucket after the last one, or the last
     * bucket again (its last count replaced, its range widened). A key before the last bucket is a
     * reading that arrived late: it changes nothing.
     *
     * @return true when the series changed
     */
    boolean put(long key, long count) {
        if (size > 0 && key < keys[size - 1]) {
            return false;
        }
        if (size > 0 && key == keys[size - 1]) {
            int at = size - 1;
            boolean changed = last[at] != count || count < min[at] || count > max[at];
            last[at] = count;
            min[at] = Math.min(min[at], count);
            max[at] = Math.max(max[at], count);
            return changed;
        }
        append(key, count, count, count);
        return true;
    }

    /** Appends a whole bucket after the last one (decoding, backfill of an empty series). */
    void append(long key, long lastCount, long lowest, long highest) {
        if (size == keys.length) {
            int grown = size + (size >> 1) + 1;
            keys = Arrays.copyOf(keys, grown);
            last = Arrays.copyOf(last, grown);
            min = Arrays.copyOf(min, grown);
            max = Arrays.copyOf(max, grown);
        }
        keys[size] = key;
        last[size] = lastCount;
        min[size] = lowest;
        max[size] = highest;
        size++;
    }

    /** Sets or adds the bucket {@code key} wherever it falls (backfill), keeping the order. */
    void set(long key, long lastCount, long lowest, long highest) {
        int found = Arrays.binarySearch(keys, 0, size, key);
        if (found >= 0) {
            last[found] = lastCount;
            min[found] = lowest;
            max[found] = highest;
            return;
        }
        int insertAt = -found - 1;
        append(0, 0, 0, 0);
        int moved = size - 1 - insertAt;
        System.arraycopy(keys, insertAt, keys, insertAt + 1, moved);
        System.arraycopy(last, insertAt, last, insertAt + 1, moved);
        System.arraycopy(min, insertAt, min, insertAt + 1, moved);
        System.arraycopy(max, insertAt, max, insertAt + 1, moved);
        keys[insertAt] = key;
        last[insertAt] = lastCount;
        min[insertAt] = lowest;
        max[insertAt] = highest;
    }

    /** The index of the bucket {@code key}, or -1. */
    int indexOf(long key) {
        int found = Arrays.binarySearch(keys, 0, size, key);
        return found >= 0 ? found : -1;
    }

    /** The index of the last bucket whose key is at or before {@code key}, or -1 when all are after it. */
    int floor(long key) {
        int found = Arrays.binarySearch(keys, 0, size, key);
        return found >= 0 ? found : -found - 2;
    }

    /** The index of the first bucket whose key is at or after {@code key} ({@link #size()} when none). */
    int ceiling(long key) {
        int found = Arrays.binarySearch(keys, 0, size, key);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * Drops the buckets before {@code key}.
     *
     * @return how many were dropped
     */
    int dropBefore(long key) {
        int from = ceiling(key);
        if (from == 0) {
            return 0;
        }
        int kept = size - from;
        System.arraycopy(keys, from, keys, 0, kept);
        System.arraycopy(last, from, last, 0, kept);
        System.arraycopy(min, from, min, 0, kept);
        System.arraycopy(max, from, max, 0, kept);
        size = kept;
        return from;
    }
}
