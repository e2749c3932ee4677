package nas4j.bench;

import java.util.Locale;

/**
 * A search budget: simulated training seconds, charged queries, or charged epochs. A query may start while
 * budget remains; the one that crosses the limit completes; later ones raise {@link BudgetExhaustedException}.
 * Immutable.
 */
public record Budget(Kind kind, double limit) {
  public enum Kind { SECONDS, QUERIES, EPOCHS }

  public Budget {
    if (kind == null) {
      throw new IllegalArgumentException("budget kind is required (seconds, queries or epochs)");
    }
    if (!(limit > 0) || Double.isInfinite(limit)) {
      throw new IllegalArgumentException("budget limit must be a positive finite number; got " + limit);
    }
  }

  public static Budget seconds(double s) {
    return new Budget(Kind.SECONDS, s);
  }

  public static Budget queries(long q) {
    return new Budget(Kind.QUERIES, q);
  }

  public static Budget epochs(long e) {
    return new Budget(Kind.EPOCHS, e);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s", kind == Kind.SECONDS ? Double.toString(limit) : Long.toString((long) limit),
        kind.name().toLowerCase(Locale.ROOT));
  }
}
