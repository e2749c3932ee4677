package nas4j.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code params:} map of one strategy entry as written in the YAML file, with where each key was
 * written (for error messages). Immutable by convention (do not modify the node).
 */
public record StrategyParams(ObjectNode values, Map<String, ConfigLocation> keyLocations, ConfigLocation start) {
  public StrategyParams {
    keyLocations = Map.copyOf(keyLocations);
  }
}
