package nas4j.search.hpo;

import java.util.Arrays;

/**
 * A map from non-negative {@code int} keys (packed configurations) to {@code int} values without boxing: open
 * addressing with linear probing in one array of key/value pairs, at most half full. Only what {@link Smac} needs:
 * get, put-if-absent, clear (no removal). Mutable, not thread-safe.
 */
final class IntIntMap {
  private static final int EMPTY = -1;

  private int[] table; // key at 2·i, value at 2·i + 1; EMPTY key: a free slot
  private int size;

  /** An empty map with room for {@code expected} keys before it grows. */
  IntIntMap(int expected) {
    int slots = Integer.highestOneBit(Math.max(4, 2 * expected - 1)) * 2;
    table = new int[2 * slots];
    Arrays.fill(table, EMPTY);
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or {@code absent} if it has none. */
  int get(int key, int absent) {
    if (key < 0) {
      return absent;
    }
    int mask = table.length / 2 - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = table[2 * i];
      if (k == key) {
        return table[2 * i + 1];
      }
      if (k == EMPTY) {
        return absent;
      }
    }
  }

  /**
   * Maps {@code key} to {@code value} unless it already has a value; returns the value it had, or {@code absent}
   * (and then stores {@code value}).
   */
  int putIfAbsent(int key, int value, int absent) {
    if (key < 0) {
      throw new IllegalArgumentException("IntIntMap keys must be non-negative: " + key);
    }
    int mask = table.length / 2 - 1;
    int i = mix(key) & mask;
    for (; ; i = (i + 1) & mask) {
      int k = table[2 * i];
      if (k == key) {
        return table[2 * i + 1];
      }
      if (k == EMPTY) {
        break;
      }
    }
    table[2 * i] = key;
    table[2 * i + 1] = value;
    if (++size * 2 > mask + 1) {
      grow();
    }
    return absent;
  }

  /** Removes every key (keeps the capacity). */
  void clear() {
    Arrays.fill(table, EMPTY);
    size = 0;
  }

  private void grow() {
    int[] old = table;
    table = new int[2 * old.length];
    Arrays.fill(table, EMPTY);
    int mask = table.length / 2 - 1;
    for (int j = 0; j < old.length; j += 2) {
      int key = old[j];
      if (key != EMPTY) {
        int i = mix(key) & mask;
        while (table[2 * i] != EMPTY) {
          i = (i + 1) & mask;
        }
        table[2 * i] = key;
        table[2 * i + 1] = old[j + 1];
      }
    }
  }

  /** Spreads the bits of a key over the whole word (the configurations' low bits are random edges). */
  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
