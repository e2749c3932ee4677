package nas4j.bench;

import java.util.random.RandomGenerator;

/**
 * Which of the repeats a query returns. {@link #SAMPLE}: uniformly at random from the caller's seeded generator
 * (the official behaviour); {@link #MEAN}: the mean over the repeats; {@link #fixed(int)}: always repeat i.
 * Immutable.
 */
public record RepeatPolicy(Kind kind, int index) {
  public enum Kind { SAMPLE, MEAN, FIXED }

  public static final RepeatPolicy SAMPLE = new RepeatPolicy(Kind.SAMPLE, -1);
  public static final RepeatPolicy MEAN = new RepeatPolicy(Kind.MEAN, -1);

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

  /** Parses {@code sample}, {@code mean}, {@code fixed:2} (or {@code fixed(2)}, {@code 2}). */
  public static RepeatPolicy parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("sample")) {
      return SAMPLE;
    }
    if (t.equals("mean")) {
      return MEAN;
    }
    String digits = t.replaceAll("^fixed[:(\\s]*", "").replace(")", "").trim();
    try {
      return fixed(Integer.parseInt(digits));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("repeat policy '" + text + "' is not one of: sample, mean, fixed:<index>");
    }
  }

  /**
   * The repeat to use (0..repeats−1), or −1 for {@link Kind#MEAN}. SAMPLE draws one int from {@code rng}.
   */
  public int pick(int repeats, RandomGenerator rng) {
    switch (kind) {
      case SAMPLE:
        return rng.nextInt(repeats);
      case MEAN:
        return -1;
      default:
        if (index >= repeats) {
          throw new IllegalArgumentException("fixed repeat " + index + " but the table has " + repeats + " repeats");
        }
        return index;
    }
  }

  @Override
  public String toString() {
    return kind == Kind.FIXED ? "fixed:" + index : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
