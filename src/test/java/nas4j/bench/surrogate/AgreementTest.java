package nas4j.bench.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AgreementTest {
  @Test
  void identicalRankingsAgreeFully() {
    double[] x = new double[200];
    double[] y = new double[200];
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble();
      y[i] = 2 * x[i] + 1; // monotone: same ranks
    }
    Agreement a = Agreement.of(x, y);
    assertThat(a.kendallTau()).isCloseTo(1, within(1e-12));
    assertThat(a.spearman()).isCloseTo(1, within(1e-12));
    assertThat(a.topAgreement()).isEqualTo(1.0);
    assertThat(a.surrogate().mean()).isCloseTo(2 * a.real().mean() + 1, within(1e-9));
  }

  @Test
  void reversedRankingsDisagree() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] y = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    Agreement a = Agreement.of(x, y);
    assertThat(a.kendallTau()).isCloseTo(-1, within(1e-12));
    assertThat(a.meanAbsoluteError()).isCloseTo(5.0, within(1e-12));
    assertThat(a.topAgreement()).isEqualTo(0.0);
    assertThat(a.real().quantiles()[2]).isCloseTo(5.5, within(1e-12)); // median
  }

  @Test
  void topAgreementCountsRealTopInSurrogateTop() {
    // 100 cells: real top-1 is cell 0; the surrogate ranks it 5th (inside its top 5) or 6th (outside)
    double[] real = new double[100];
    double[] sur = new double[100];
    for (int i = 0; i < 100; i++) {
      real[i] = 100 - i;
      sur[i] = 100 - i;
    }
    sur[0] = 95.5; // ranks 5th
    assertThat(Agreement.topAgreement(real, sur, 0.01, 0.05)).isEqualTo(1.0);
    sur[0] = 94.5; // ranks 6th
    assertThat(Agreement.topAgreement(real, sur, 0.01, 0.05)).isEqualTo(0.0);
  }
}
