package nas4j.search;

import nas4j.util.ConfigNames;

/**
 * The resource a resource-aware reward penalises. Config names are {@link #toString()}: {@code none},
 * {@code parameters}, {@code training-time}. Immutable.
 */
public enum ResourceMeasure {
  /** Reward = validation accuracy (the published REINFORCE). */
  NONE,
  /** The cell's trainable parameters ({@code oracle.space().parameters(id)}). */
  PARAMETERS,
  /** The training time the query returned, in seconds. */
  TRAINING_TIME;

  @Override
  public String toString() {
    return ConfigNames.of(this);
  }

  /** Parses a config name; case, '-' and '_' are interchangeable. */
  public static ResourceMeasure parse(String text) {
    return ConfigNames.parse(ResourceMeasure.class, text, "resource");
  }
}
