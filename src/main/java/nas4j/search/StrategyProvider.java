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

  /** A new strategy with these parameters. */
  SearchStrategy create(P parameters);
}
