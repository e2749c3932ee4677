package nas4j.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import nas4j.util.Sha256;

/**
 * The generator seeds of one run, derived only from (experiment seed, strategy label, seed value): bytes 0–7,
 * 8–15 and 16–23 of SHA-256("nas4j-run-v1\0" + experiment seed + "\0" + label + "\0" + seed value) seed the
 * strategy's, the oracle's (repeat sampling) and the reporting ({@link TestReport#FRESH_REPEAT}) {@code
 * L64X128MixRandom} streams. Adding or removing a strategy or a seed never changes another run. Immutable.
 */
public record RunSeeds(long strategySeed, long oracleSeed, long reportSeed) {
  public static final String ALGORITHM = "L64X128MixRandom";
  public static final String DERIVATION = "SHA-256(\"nas4j-run-v1\\0\" + experiment_seed + \"\\0\" + label + \"\\0\""
      + " + seed); bytes 0-7 seed the strategy's " + ALGORITHM + ", bytes 8-15 the oracle's (repeat sampling), bytes"
      + " 16-23 the reporting one (fresh-repeat test values)";

  /** Derives the seeds of one run. */
  public static RunSeeds derive(long experimentSeed, String label, long seed) {
    String key = "nas4j-run-v1\0" + experimentSeed + "\0" + label + "\0" + seed;
    ByteBuffer d = ByteBuffer.wrap(Sha256.of(key.getBytes(StandardCharsets.UTF_8)));
    return new RunSeeds(d.getLong(0), d.getLong(8), d.getLong(16));
  }

  /** A new generator for the strategy. */
  public RandomGenerator strategyRng() {
    return RandomGeneratorFactory.of(ALGORITHM).create(strategySeed);
  }

  /** A new generator for the reported test values that draw a fresh repeat. */
  public RandomGenerator reportRng() {
    return RandomGeneratorFactory.of(ALGORITHM).create(reportSeed);
  }

  /** A new generator for the oracle's repeat sampling. */
  public RandomGenerator oracleRng() {
    return RandomGeneratorFactory.of(ALGORITHM).create(oracleSeed);
  }
}
