package nas4j.experiment;

import nas4j.bench.DuplicatePolicy;
import nas4j.bench.RepeatPolicy;
import nas4j.space.ValidityRule;

/**
 * One {@code strategies:} entry as written: the strategy name, a unique label (default: the name), an optional
 * named preset of a published protocol (the base the parameters are laid over; default: the provider's defaults),
 * the parameter map, and optional per-strategy overrides of the oracle settings (null = the experiment's).
 * Immutable.
 */
public record StrategySpec(String strategy, String label, String preset, StrategyParams params, ValidityRule validity,
    RepeatPolicy repeat, DuplicatePolicy duplicates) {

  public StrategySpec {
    if (strategy == null || strategy.isBlank()) {
      throw new IllegalArgumentException("a strategies entry needs 'strategy: <name>'");
    }
    if (label == null) {
      label = strategy;
    }
    if (!label.matches("[A-Za-z0-9][A-Za-z0-9._+=-]*")) {
      throw new IllegalArgumentException("label '" + label + "' may only use letters, digits and . _ + = -"
          + " (it names files and CSV values)");
    }
  }
}
