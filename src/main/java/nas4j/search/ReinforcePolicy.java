package nas4j.search;

import java.util.random.RandomGenerator;
import nas4j.space.CellSpec;

/**
 * REINFORCE's policy (automl/nas_benchmarks {@code run_rl.py}): one independent categorical distribution
 * per variable of the 26-variable encoding (21 two-way edges, then 5 three-way ops), logits initialised to zero,
 * and a bias-corrected exponential-moving-average baseline. Mutable; one per run; not thread-safe.
 */
final class ReinforcePolicy {
  private final double learningRate;
  private final double momentum;
  private final double[][] logits = new double[CellSpec.VARIABLES][];
  private double baselineNumerator;
  private double baselineDenominator;
  private long steps;

  ReinforcePolicy(double learningRate, double momentum) {
    this.learningRate = learningRate;
    this.momentum = momentum;
    for (int v = 0; v < CellSpec.VARIABLES; v++) {
      logits[v] = new double[CellSpec.variableValues(v)];
    }
  }

  /** Samples every variable in order 0..25, one {@code nextDouble()} each, by inverse CDF of the softmax. */
  int[] sample(RandomGenerator rng) {
    int[] s = new int[CellSpec.VARIABLES];
    double[] p = new double[3];
    for (int v = 0; v < CellSpec.VARIABLES; v++) {
      int k = softmax(logits[v], p);
      double u = rng.nextDouble();
      int choice = k - 1;
      double cum = 0;
      for (int i = 0; i < k; i++) {
        cum += p[i];
        if (u < cum) {
          choice = i;
          break;
        }
      }
      s[v] = choice;
    }
    return s;
  }

  /**
   * One REINFORCE step: the baseline is updated with this reward first (num ← m·num + (1−m)·r, den ← m·den +
   * (1−m), baseline = num/den), then A = r − baseline and, for every variable, θ ← θ + lr·A·(onehot − softmax(θ)).
   *
   * @return the advantage A
   */
  double update(int[] sample, double reward) {
    baselineNumerator = momentum * baselineNumerator + (1 - momentum) * reward;
    baselineDenominator = momentum * baselineDenominator + (1 - momentum);
    double advantage = reward - baseline();
    double[] p = new double[3];
    for (int v = 0; v < CellSpec.VARIABLES; v++) {
      double[] theta = logits[v];
      int k = softmax(theta, p);
      for (int i = 0; i < k; i++) {
        theta[i] += learningRate * advantage * ((i == sample[v] ? 1.0 : 0.0) - p[i]);
      }
    }
    steps++;
    return advantage;
  }

  /** The bias-corrected baseline (0 before the first update). */
  double baseline() {
    return baselineDenominator == 0 ? 0.0 : baselineNumerator / baselineDenominator;
  }

  /** A copy of variable v's logits. */
  double[] logits(int v) {
    return logits[v].clone();
  }

  /** Sets variable v's logits (tests). */
  void setLogits(int v, double... values) {
    if (values.length != logits[v].length) {
      throw new IllegalArgumentException("variable " + v + " has " + logits[v].length + " choices");
    }
    logits[v] = values.clone();
  }

  /** Variable v's probabilities. */
  double[] probabilities(int v) {
    double[] p = new double[logits[v].length];
    softmax(logits[v], p);
    return p;
  }

  /** log π(sample) = the sum of the per-variable log-probabilities. */
  double logProbability(int[] sample) {
    double s = 0;
    for (int v = 0; v < CellSpec.VARIABLES; v++) {
      s += StrictMath.log(probabilities(v)[sample[v]]);
    }
    return s;
  }

  /** Number of updates so far. */
  long steps() {
    return steps;
  }

  /** Writes softmax(theta) into p[0..theta.length) and returns theta.length. */
  private static int softmax(double[] theta, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (double t : theta) {
      max = Math.max(max, t);
    }
    double sum = 0;
    for (int i = 0; i < theta.length; i++) {
      p[i] = StrictMath.exp(theta[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < theta.length; i++) {
      p[i] /= sum;
    }
    return theta.length;
  }
}
