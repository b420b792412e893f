package kr.sotong.opendata.validation;

/** Open-addressing map from long keys to int values (row numbers): 12 bytes a slot, no boxing. */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;
    private boolean hasEmptyKey;
    private int emptyKeyValue;

    LongIntMap() {
        keys = new long[1 << 12];
        values = new int[1 << 12];
        java.util.Arrays.fill(keys, EMPTY);
    }

    /** Stores {@code value} under {@code key}; returns the previous value or 0. */
    int put(long key, int value) {
        if (key == EMPTY) {
            int old = hasEmptyKey ? emptyKeyValue : 0;
            hasEmptyKey = true;
            emptyKeyValue = value;
            return old;
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                size++;
                return 0;
            }
            if (k == key) {
                int old = values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
    }

    private static int mix(long key) {
        int h = Long.hashCode(key);
        return h ^ (h >>> 16);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        java.util.Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
