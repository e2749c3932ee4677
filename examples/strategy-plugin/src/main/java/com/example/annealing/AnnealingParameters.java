package com.example.annealing;

import nas4j.search.Sampler;

/**
 * Parameters of the simulated-annealing example. Immutable; the constructor validates every field and names the
 * parameter and its range, which nas4j shows with the config line.
 *
 * @param initialTemperature temperature at the start and after each restart, in validation-accuracy units
 * @param cooling factor applied to the temperature after every query (geometric schedule)
 * @param minTemperature when the temperature falls below it, the walk restarts from a fresh random cell
 * @param sampler how start cells are drawn ({@code matrix} or {@code uniform}); invalid draws are redrawn
 */
public record AnnealingParameters(double initialTemperature, double cooling, double minTemperature,
    Sampler sampler) {

  public AnnealingParameters {
    if (!(initialTemperature > 0 && initialTemperature <= 1)) {
      throw new IllegalArgumentException("initialTemperature must be in (0, 1]; got " + initialTemperature);
    }
    if (!(cooling > 0 && cooling < 1)) {
      throw new IllegalArgumentException("cooling must be in (0, 1); got " + cooling);
    }
    if (!(minTemperature > 0 && minTemperature < initialTemperature)) {
      throw new IllegalArgumentException("minTemperature must be in (0, initialTemperature); got " + minTemperature);
    }
    if (sampler == null) {
      throw new IllegalArgumentException("sampler must be matrix or uniform");
    }
  }

  /** T0 = 0.005 (half a point of accuracy), cooling 0.99 per query, restart below 1e-4, matrix sampler. */
  public static AnnealingParameters defaults() {
    return new AnnealingParameters(0.005, 0.99, 1e-4, Sampler.MATRIX);
  }
}
