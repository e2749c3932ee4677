package nas4j.bench;

import java.util.random.RandomGenerator;

/**
 * Which of the repeats a query returns. {@link #SAMPLE}: uniformly at random from the caller's seeded generator
 * (the official behaviour); {@link #MEAN}: the mean over the repeats; {@link #MEAN_DISTINCT}: naszilla's
 * "deterministic" objective (docs/search-protocols.md) — the mean over the <em>distinct</em> values of the repeats,
 * accuracies reported through a loss {@code 100·(1 − mean)} rounded to 4 decimals (naszilla re-queries until it has
 * seen 3 distinct values or 50 attempts; missing a repeat in 50 draws has probability ≈ 5·10⁻⁹, so all distinct
 * values are used), training time the plain mean; {@link #fixed(int)}: always repeat i. Immutable.
 */
public record RepeatPolicy(Kind kind, int index) {
  public enum Kind { SAMPLE, MEAN, MEAN_DISTINCT, FIXED }

  /** {@link #pick} result for {@link Kind#MEAN}. */
  public static final int PICK_MEAN = -1;
  /** {@link #pick} result for {@link Kind#MEAN_DISTINCT}. */
  public static final int PICK_MEAN_DISTINCT = -2;

  public static final RepeatPolicy SAMPLE = new RepeatPolicy(Kind.SAMPLE, -1);
  public static final RepeatPolicy MEAN = new RepeatPolicy(Kind.MEAN, -1);
  public static final RepeatPolicy MEAN_DISTINCT = new RepeatPolicy(Kind.MEAN_DISTINCT, -1);

  public RepeatPolicy {
    if (kind == Kind.FIXED && index < 0) {
      throw new IllegalArgumentException("fixed repeat index must be ≥ 0; got " + index);
    }
    if (kind != Kind.FIXED) {
      index = -1;
    }
  }

  /** Always the given repeat. */
  public static RepeatPolicy fixed(int index) {
    return new RepeatPolicy(Kind.FIXED, index);
  }

  /** Parses {@code sample}, {@code mean}, {@code mean-distinct}, {@code fixed:2} (or {@code fixed(2)}, {@code 2}). */
  public static RepeatPolicy parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("sample")) {
      return SAMPLE;
    }
    if (t.equals("mean")) {
      return MEAN;
    }
    if (t.equals("mean-distinct") || t.equals("mean_distinct")) {
      return MEAN_DISTINCT;
    }
    String digits = t.replaceAll("^fixed[:(\\s]*", "").replace(")", "").trim();
    try {
      return fixed(Integer.parseInt(digits));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("repeat policy '" + text + "' is not one of: sample, mean, mean-distinct, fixed:<index>");
    }
  }

  /**
   * The repeat to use (0..repeats−1), or {@link #PICK_MEAN} / {@link #PICK_MEAN_DISTINCT}. SAMPLE draws one int from
   * {@code rng}.
   */
  public int pick(int repeats, RandomGenerator rng) {
    switch (kind) {
      case SAMPLE:
        return rng.nextInt(repeats);
      case MEAN:
        return PICK_MEAN;
      case MEAN_DISTINCT:
        return PICK_MEAN_DISTINCT;
      default:
        if (index >= repeats) {
          throw new IllegalArgumentException("fixed repeat " + index + " but the table has " + repeats + " repeats");
        }
        return index;
    }
  }

  @Override
  public String toString() {
    return kind == Kind.FIXED ? "fixed:" + index
        : kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
