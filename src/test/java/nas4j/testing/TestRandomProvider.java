package nas4j.testing;

import java.util.random.RandomGenerator;
import nas4j.bench.Oracle;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;
import nas4j.space.CellSpec;
import nas4j.space.MatrixSampler;

/**
 * Test-only strategy {@code test-random}: random search drawing raw matrices ({@code sampler: matrix}; with
 * {@code resample: false} invalid draws are queried and recorded for free, as the paper's scripts did) or uniform
 * cells ({@code sampler: uniform}). A minimal strategy that keeps the runner tests independent of the real strategies.
 * {@code pause_ms} sleeps before each query (default 0): it makes a run last long enough for the process tests to
 * stop it midway, and changes no output (the strategy never reads a clock).
 */
public final class TestRandomProvider implements StrategyProvider<TestRandomProvider.Params> {

  /** Parameters: the sampler ({@code matrix} or {@code uniform}), whether invalid draws are redrawn, a pause. */
  public record Params(String sampler, boolean resample, int pauseMs) {
    public Params(String sampler, boolean resample) {
      this(sampler, resample, 0);
    }

    public Params {
      if (pauseMs < 0) {
        throw new IllegalArgumentException("pause_ms must be >= 0; got " + pauseMs);
      }
      if (!"matrix".equals(sampler) && !"uniform".equals(sampler)) {
        throw new IllegalArgumentException("sampler must be matrix or uniform; got '" + sampler + "'");
      }
    }
  }

  @Override
  public String name() {
    return "test-random";
  }

  @Override
  public String description() {
    return "test-only random search";
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Params defaults() {
    return new Params("matrix", true);
  }

  @Override
  public SearchStrategy create(Params p) {
    return (Oracle oracle, RandomGenerator rng) -> {
      int n = oracle.space().size();
      while (true) {
        if (p.pauseMs() > 0) {
          try {
            Thread.sleep(p.pauseMs());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (p.sampler().equals("uniform")) {
          oracle.query(oracle.space().cell(rng.nextInt(n)));
        } else {
          CellSpec c = MatrixSampler.draw(rng);
          while (p.resample() && !oracle.isValid(c)) {
            c = MatrixSampler.draw(rng);
          }
          oracle.query(c);
        }
      }
    };
  }
}
