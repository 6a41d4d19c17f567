package io.clearflow.mining.xes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings by content, looked up from bytes without decoding them (ASCII only; others go through
 * {@link #intern(String)}). Bounded, so a log of unique values does not keep them all twice. The scanner
 * interns element names and repeated attribute values with it, so an event costs almost no allocation.
 */
final class Interner {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MAX = 1 << 20;
    private String[] table;
    private byte[][] keys; // the bytes of each string, compared with the vectorised Arrays.equals
    private int[] hashes;
    private int size;

    Interner(int capacity) {
        table = new String[capacity];
        keys = new byte[capacity][];
        hashes = new int[capacity];
    }

    /** @param h the String.hashCode of the bytes read as ISO-8859-1 */
    String intern(byte[] b, int from, int to, int h) {
        return intern(b, from, to, h, null);
    }

    /** @param value the String to store on a miss, or null to decode the bytes */
    String intern(byte[] b, int from, int to, int h, String value) {
        int mask = table.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            String s = table[slot];
            if (s == null) {
                String created = value != null ? value : new String(b, from, to - from, StandardCharsets.ISO_8859_1);
                return size < MAX ? insert(slot, h, created, Arrays.copyOfRange(b, from, to)) : created;
            }
            if (hashes[slot] == h && keys[slot] != null && same(keys[slot], b, from, to)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
    }

    String intern(String value) {
        int h = value.hashCode();
        int mask = table.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            String s = table[slot];
            if (s == null) {
                return size < MAX ? insert(slot, h, value, null) : value;
            }
            if (hashes[slot] == h && s.equals(value)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
    }

    private String insert(int slot, int h, String value, byte[] key) {
        table[slot] = value;
        keys[slot] = key;
        hashes[slot] = h;
        if (++size * 2 > table.length) {
            String[] oldTable = table;
            byte[][] oldKeys = keys;
            int[] oldHashes = hashes;
            table = new String[oldTable.length * 2];
            keys = new byte[oldTable.length * 2][];
            hashes = new int[oldTable.length * 2];
            int mask = table.length - 1;
            for (int i = 0; i < oldTable.length; i++) {
                if (oldTable[i] != null) {
                    int s = mix(oldHashes[i]) & mask;
                    while (table[s] != null) {
                        s = (s + 1) & mask;
                    }
                    table[s] = oldTable[i];
                    keys[s] = oldKeys[i];
                    hashes[s] = oldHashes[i];
                }
            }
        }
        return value;
    }

    /** A plain loop: the values are short, where Arrays.equals costs more in its set-up than it saves. */
    private static boolean same(byte[] key, byte[] b, int from, int to) {
        int n = key.length;
        if (n != to - from) {
            return false;
        }
        int k = 0;
        for (; k + 8 <= n; k += 8) { // eight bytes at a time: most values are 5 to 20 bytes long
            if ((long) LONGS.get(key, k) != (long) LONGS.get(b, from + k)) {
                return false;
            }
        }
        for (; k < n; k++) {
            if (key[k] != b[from + k]) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16) * 0x9E3779B9;
    }
}
