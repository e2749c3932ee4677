package nas4j.search.hpo;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.search.InvalidHandling;
import nas4j.search.SearchStrategy;

/**
 * Hyperband with successive halving, one worker, as hpbandster runs it for automl/nas_benchmarks
 * ({@code run_hyperband.py}, {@code run_bohb.py}): brackets from a {@link HyperbandSchedule}, cycled until the
 * oracle's budget is spent. A bracket samples its stage-0 configurations one at a time (each evaluated before the
 * next is sampled, so BOHB's model sees every earlier result); after each stage the configurations with the
 * lowest losses advance (ranks by loss, ties to the earlier sampled one) and are evaluated at the next budget in
 * their sampling order. Every evaluation is a fresh query of the oracle at that budget, charged its training
 * time (no discount for continued training); invalid cells are queried too (recorded at zero cost, loss 1), as
 * nas_benchmarks' objective does. The loss is 1 − the returned validation accuracy.
 *
 * <p>The sampler decides between Hyperband (uniform) and BOHB (kernel-density model). A new sampler per run.
 */
public final class Hyperband implements SearchStrategy {
  private final HyperbandSchedule schedule;
  /** Consecutive invalid draws (with {@code resample}) after which the run stops as stalled. */
  static final int MAX_REDRAWS = 10_000_000;

  private final Supplier<ConfigSampler> samplers;
  private final boolean resample;

  Hyperband(HyperbandSchedule schedule, Supplier<ConfigSampler> samplers, InvalidHandling invalid) {
    this.schedule = schedule;
    this.samplers = samplers;
    this.resample = invalid == InvalidHandling.RESAMPLE;
  }

  /** Plain Hyperband with uniform sampling. */
  public Hyperband(HyperbandParameters p) {
    this(p.schedule(), () -> ConfigSampler.RANDOM, p.invalid());
  }

  /** The schedule. */
  public HyperbandSchedule schedule() {
    return schedule;
  }

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    ConfigSampler sampler = samplers.get();
    for (long iteration = 0; ; iteration++) {
      int[] sizes = schedule.stageSizes(iteration);
      int[] budgets = schedule.stageBudgets(iteration);
      int[] configs = new int[sizes[0]];
      double[] losses = new double[sizes[0]];
      for (int i = 0; i < configs.length; i++) {
        configs[i] = draw(oracle, sampler, budgets[0], rng);
        losses[i] = evaluate(oracle, sampler, configs[i], budgets[0]);
      }
      int[] alive = new int[configs.length];
      for (int i = 0; i < alive.length; i++) {
        alive[i] = i;
      }
      for (int stage = 1; stage < sizes.length; stage++) {
        alive = advance(alive, losses, sizes[stage]);
        for (int i : alive) {
          losses[i] = evaluate(oracle, sampler, configs[i], budgets[stage]);
        }
      }
    }
  }

  private int draw(Oracle oracle, ConfigSampler sampler, int budget, RandomGenerator rng) {
    for (int redraws = 0; ; redraws++) {
      int c = sampler.next(budget, rng);
      if (!resample || oracle.isValid(EncodingA.spec(c))) {
        return c;
      }
      if (redraws >= MAX_REDRAWS) {
        throw new IllegalStateException("Hyperband stalled: " + MAX_REDRAWS + " invalid draws in a row");
      }
    }
  }

  /**
   * hpbandster's {@code _advance_to_next_stage}: the {@code keep} members with the lowest losses (ties to the
   * smaller index), returned in index (sampling) order.
   */
  static int[] advance(int[] alive, double[] losses, int keep) {
    Integer[] order = new Integer[alive.length];
    for (int i = 0; i < alive.length; i++) {
      order[i] = alive[i];
    }
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(losses[a], losses[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    int[] next = new int[Math.min(keep, alive.length)];
    for (int i = 0; i < next.length; i++) {
      next[i] = order[i];
    }
    Arrays.sort(next);
    return next;
  }

  private static double evaluate(Oracle oracle, ConfigSampler sampler, int config, int budget) {
    Observation o = oracle.query(EncodingA.spec(config), budget);
    double loss = o.hasData() ? 1.0 - o.validationAccuracy() : 1.0;
    sampler.observe(config, budget, loss);
    return loss;
  }

  @Override
  public String toString() {
    return "Hyperband" + schedule;
  }
}
