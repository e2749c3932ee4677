package nas4j.search.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IntIntMap} against {@link java.util.HashMap} on random operations. */
class IntIntMapTest {

  @Test
  void behavesLikeAHashMapOnRandomOperations() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int bound : new int[] {50, 5_000, Integer.MAX_VALUE}) { // dense keys (collisions, growth) and sparse ones
      IntIntMap map = new IntIntMap(4);
      Map<Integer, Integer> ref = new HashMap<>();
      for (int op = 0; op < 200_000; op++) {
        int key = rng.nextInt(bound);
        if (op % 50_000 == 49_999) {
          map.clear();
          ref.clear();
        } else if (rng.nextBoolean()) {
          int value = rng.nextInt();
          Integer old = ref.putIfAbsent(key, value);
          assertThat(map.putIfAbsent(key, value, -7)).isEqualTo(old == null ? -7 : old);
        } else {
          assertThat(map.get(key, -7)).isEqualTo(ref.getOrDefault(key, -7));
        }
        assertThat(map.size()).isEqualTo(ref.size());
      }
    }
  }

  @Test
  void negativeKeysAreAbsentAndRefused() {
    IntIntMap map = new IntIntMap(8);
    map.putIfAbsent(0, 5, -1);
    assertThat(map.get(-1, 42)).isEqualTo(42);
    assertThat(map.get(0, 42)).isEqualTo(5);
    assertThatThrownBy(() -> map.putIfAbsent(-3, 1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-negative");
  }
}
