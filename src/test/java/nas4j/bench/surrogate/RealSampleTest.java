package nas4j.bench.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nas4j.space.SpaceIndex;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.Test;

class RealSampleTest {
  @Test
  void heldOutRuleTakesAboutAFifthOfAllHashes() {
    SpaceIndex s = SpaceIndex.shared();
    int held = 0;
    for (int id = 0; id < s.size(); id++) {
      if (RealSample.isHeldOut(s.hash(id).toString())) {
        held++;
      }
    }
    assertThat(held / (double) s.size()).isBetween(0.195, 0.205);
    assertThat(RealSample.isHeldOut("00000000000000000000000000000005")).isTrue();
    assertThat(RealSample.isHeldOut("00000000000000000000000000000007")).isFalse();
  }

  @Test
  void readsTheRealSampleAndSplitsIt() throws Exception {
    Path csv = SharedData.require("nb101/sample-20k.csv");
    RealSample r = RealSample.read(csv, SpaceIndex.shared());
    assertThat(r.size()).isEqualTo(20_001);
    int held = r.rows(true).length;
    assertThat(held + r.rows(false).length).isEqualTo(r.size());
    assertThat(held / (double) r.size()).isBetween(0.18, 0.22);
    for (int i = 0; i < r.size(); i += 50) {
      assertThat(SpaceIndex.shared().hash(r.ids()[i]).toString()).isEqualTo(r.hashes()[i]);
    }
  }
}
