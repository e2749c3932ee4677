package nas4j.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import nas4j.util.Sha256;

/**
 * The two generator seeds of one run, derived only from (experiment seed, strategy label, seed value): bytes
 * 0–7 and 8–15 of SHA-256("nas4j-run-v1\0" + experiment seed + "\0" + label + "\0" + seed value) seed the
 * strategy's and the oracle's (repeat sampling) {@code L64X128MixRandom} streams. Adding or removing a strategy
 * or a seed never changes another run. Immutable.
 */
public record RunSeeds(long strategySeed, long oracleSeed) {
  public static final String ALGORITHM = "L64X128MixRandom";
  public static final String DERIVATION = "SHA-256(\"nas4j-run-v1\\0\" + experiment_seed + \"\\0\" + label + \"\\0\""
      + " + seed); bytes 0-7 seed the strategy's " + ALGORITHM + ", bytes 8-15 the oracle's (repeat sampling)";

  /** Derives the seeds of one run. */
  public static RunSeeds derive(long experimentSeed, String label, long seed) {
    String key = "nas4j-run-v1\0" + experimentSeed + "\0" + label + "\0" + seed;
    ByteBuffer d = ByteBuffer.wrap(Sha256.of(key.getBytes(StandardCharsets.UTF_8)));
    return new RunSeeds(d.getLong(0), d.getLong(8));
  }

  /** A new generator for the strategy. */
  public RandomGenerator strategyRng() {
    return RandomGeneratorFactory.of(ALGORITHM).create(strategySeed);
  }

  /** A new generator for the oracle's repeat sampling. */
  public RandomGenerator oracleRng() {
    return RandomGeneratorFactory.of(ALGORITHM).create(oracleSeed);
  }
}
