package nas4j.search.hpo;

import java.util.random.RandomGenerator;

/**
 * Where Hyperband's new configurations come from (hpbandster's config generator): uniformly at random for
 * Hyperband, from BOHB's kernel-density model for BOHB. Sees every result, at every budget, in query order.
 */
interface ConfigSampler {
  /** A new configuration for a bracket whose first stage runs at {@code budget} epochs. */
  int next(int budget, RandomGenerator rng);

  /** The loss (1 − sampled validation accuracy; 1 for an invalid cell) of a configuration at a budget. */
  void observe(int config, int budget, double loss);

  /** Uniform sampling (hpbandster's {@code RandomSampling}). */
  ConfigSampler RANDOM = new ConfigSampler() {
    @Override
    public int next(int budget, RandomGenerator rng) {
      return EncodingA.random(rng);
    }

    @Override
    public void observe(int config, int budget, double loss) {}
  };
}
