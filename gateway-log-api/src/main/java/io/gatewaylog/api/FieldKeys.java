package io.gatewaylog.api;

import java.util.HashMap;

/**
 * The key checks behind {@link Fields}' factories: an array is kept as it is when its keys are distinct
 * strings, and otherwise normalised into a fresh one.
 */
final class FieldKeys {
    private FieldKeys() {}

    /** An array made here (never the caller's): kept as it is when its keys are distinct strings. */
    static Fields trusted(Object[] kv) {
        int n = kv.length;
        for (int i = 0; i < n; i += 2) {
            if (kv[i] == null) {
                return normalised(kv);
            }
            for (int j = 0; j < i; j += 2) {
                if (kv[j].equals(kv[i])) {
                    return normalised(kv);
                }
            }
        }
        return new Fields(kv, n / 2);
    }

    /** A fresh array with string keys, each once (a repeated key keeps its last value, in its first place). */
    static Fields normalised(Object[] in) {
        Object[] kv = new Object[in.length];
        // Beyond a few fields a linear search per key would make a large map quadratic: index by hash.
        HashMap<String, Integer> index = in.length > 16 ? new HashMap<>(in.length) : null;
        int n = 0;
        for (int i = 0; i < in.length; i += 2) {
            String key = String.valueOf(in[i]);
            int at;
            if (index != null) {
                Integer known = index.putIfAbsent(key, n);
                at = known == null ? -1 : known;
            } else {
                at = indexOf(kv, n, key);
            }
            if (at >= 0) {
                kv[at + 1] = in[i + 1];
            } else {
                kv[n++] = key;
                kv[n++] = in[i + 1];
            }
        }
        return new Fields(kv, n / 2);
    }

    /** Where {@code key} is among the first {@code used} slots (keys at even indexes), or -1. */
    static int indexOf(Object[] kv, int used, Object key) {
        for (int i = 0; i < used; i += 2) {
            if (kv[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
