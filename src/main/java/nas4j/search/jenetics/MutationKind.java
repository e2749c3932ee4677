package nas4j.search.jenetics;

import nas4j.util.ConfigNames;

/**
 * The mutation operator of regularized evolution. Friendly names: {@code one-variable} (automl/nas_benchmarks:
 * pick one of the 26 variables uniformly and set it to a uniformly chosen different value), {@code per-variable}
 * (notebook, naszilla, NASLib: each edge flips with its probability, each op independently changes with its
 * probability to a uniformly chosen different op).
 */
public enum MutationKind {
  ONE_VARIABLE,
  PER_VARIABLE;

  @Override
  public String toString() {
    return ConfigNames.of(this);
  }

  /** Parses a friendly name. */
  public static MutationKind parse(String text) {
    return ConfigNames.parse(MutationKind.class, text, "mutation");
  }
}
