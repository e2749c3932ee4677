package com.example.annealing;

import java.util.List;
import java.util.random.RandomGenerator;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.search.SearchStrategy;
import nas4j.space.CellSpec;
import nas4j.space.Neighbours;

/**
 * Simulated annealing over single-edit neighbourhoods (Kirkpatrick et al., Science 1983): from the current cell,
 * query one random neighbour; move to it if its validation accuracy is higher, or else with probability
 * exp(Δ / T); multiply T by {@code cooling} after every query; restart from a random cell when T falls below
 * {@code minTemperature}. Uses only the oracle and the generator it is given, so a seed fixes the run.
 */
final class SimulatedAnnealing implements SearchStrategy {
  private final AnnealingParameters p;

  SimulatedAnnealing(AnnealingParameters p) {
    this.p = p;
  }

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    while (true) { // ends when the oracle throws BudgetExhaustedException
      CellSpec current = randomValid(oracle, rng);
      Observation now = oracle.query(current);
      double accuracy = now.hasData() ? now.validationAccuracy() : Double.NEGATIVE_INFINITY;
      for (double t = p.initialTemperature(); t >= p.minTemperature(); t *= p.cooling()) {
        List<Neighbours.Neighbour> around = Neighbours.of(current, oracle.space()).stream()
            .filter(n -> oracle.isValid(n.spec())).toList();
        if (around.isEmpty()) {
          break;
        }
        CellSpec next = around.get(rng.nextInt(around.size())).spec();
        Observation o = oracle.query(next);
        if (!o.hasData()) {
          continue;
        }
        double delta = o.validationAccuracy() - accuracy;
        if (delta >= 0 || rng.nextDouble() < Math.exp(delta / t)) {
          current = next;
          accuracy = o.validationAccuracy();
        }
      }
    }
  }

  private CellSpec randomValid(Oracle oracle, RandomGenerator rng) {
    CellSpec c = p.sampler().draw(rng, oracle.space());
    while (!oracle.isValid(c)) {
      c = p.sampler().draw(rng, oracle.space());
    }
    return c;
  }
}
