package nas4j.search;

import java.util.Map;

/**
 * A named factory of strategies, found through {@link java.util.ServiceLoader} (file
 * {@code META-INF/services/nas4j.search.StrategyProvider}), so users can add strategies from their own jar.
 *
 * @param <P> the strategy's parameters: an immutable record whose canonical constructor validates every field
 *     and throws {@link IllegalArgumentException} naming the parameter and the allowed range
 */
public interface StrategyProvider<P extends Record> {
  /** The name used in configs, e.g. {@code regularized-evolution}. Lower case, words joined by '-'. */
  String name();

  /** One line: what it is and which published protocol its defaults reproduce. */
  String description();

  /** The parameter record type (bound from YAML by the experiment package). */
  Class<P> parametersType();

  /** The default parameters (the published protocol). */
  P defaults();

  /**
   * Named presets of published protocols (e.g. {@code naszilla}, {@code naslib}), in a stable order; the
   * defaults may appear under their origin's name. Empty by default.
   */
  default Map<String, P> presets() {
    return Map.of();
  }

  /** The preset of this name; an unknown name fails listing the known ones. */
  default P preset(String presetName) {
    P p = presets().get(presetName);
    if (p == null) {
      throw new IllegalArgumentException("strategy '" + name() + "' has no preset '" + presetName + "'; known: "
          + (presets().isEmpty() ? "(none)" : String.join(", ", presets().keySet())));
    }
    return p;
  }

  /**
   * The epoch budgets a strategy with these parameters queries, for multi-fidelity strategies (Hyperband, BOHB):
   * it may call {@link nas4j.bench.Oracle#query(nas4j.space.CellSpec, int)} at each of them, every query being
   * charged that budget's training time. Empty (the default) for strategies that query only the oracle's default
   * budget. The experiment runner refuses a benchmark that lacks one of them, and requires the oracle's default
   * budget (the one the incumbent is chosen at) to be the largest.
   */
  default int[] fidelities(P parameters) {
    return new int[0];
  }

  /** A new strategy with these parameters. */
  SearchStrategy create(P parameters);
}
