package nas4j.search.jenetics;

import nas4j.search.InvalidHandling;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.search.SearchStrategy;
import nas4j.space.CellSpec;

/**
 * Aging evolution written as a plain Java loop from the published protocols (docs/search-protocols.md),
 * without Jenetics: a list in age order (remove index 0), the cell as 21 bits + 5 ints. It makes its random draws
 * in the order that RegularizedEvolution documents, so the two must query identical sequences.
 */
final class ReferenceAgingEvolution implements SearchStrategy {
  private final RegularizedEvolutionParameters p;

  ReferenceAgingEvolution(RegularizedEvolutionParameters p) {
    this.p = p;
  }

  private record Member(int bits, int[] ops, double fitness) {}

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    boolean resample = p.invalid() == InvalidHandling.RESAMPLE;
    List<Member> population = new ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    int initial = p.initialSize() == 0 ? p.populationSize() : p.initialSize();
    while (population.size() < initial) {
      int bits;
      int[] ops;
      while (true) {
        // a random configuration, drawn as Jenetics' genotype factory draws it (one length draw per chromosome)
        rng.nextInt(21, 22);
        bits = 0;
        for (int k = 0; k < 21; k++) {
          bits |= rng.nextInt(0, 2) << k;
        }
        rng.nextInt(5, 6);
        ops = new int[5];
        for (int i = 0; i < 5; i++) {
          ops[i] = rng.nextInt(0, 3);
        }
        int id = oracle.idOf(CellSpec.fromEncoding(bits, ops));
        if (resample && id < 0) {
          continue;
        }
        if (p.distinctInitial() && id >= 0 && !seen.add(id)) {
          continue;
        }
        break;
      }
      add(oracle, population, bits, ops, resample);
    }
    while (true) {
      // tournament
      int n = population.size();
      Member parent = null;
      if (p.tournamentSampling() == TournamentSampling.WITH_REPLACEMENT) {
        int at = -1;
        for (int i = 0; i < p.tournamentSize(); i++) {
          int k = rng.nextInt(n);
          Member m = population.get(k);
          if (parent == null || m.fitness() > parent.fitness()
              || (p.tieBreak() == TieBreak.YOUNGEST && m.fitness() == parent.fitness() && k > at)) {
            parent = m;
            at = k;
          }
        }
      } else {
        int at = -1;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
          idx[i] = i;
        }
        for (int i = 0; i < Math.min(p.tournamentSize(), n); i++) {
          int j = i + rng.nextInt(n - i);
          int t = idx[j];
          idx[j] = idx[i];
          idx[i] = t;
          Member m = population.get(t);
          if (parent == null || m.fitness() > parent.fitness()
              || (p.tieBreak() == TieBreak.YOUNGEST && m.fitness() == parent.fitness() && t > at)) {
            parent = m;
            at = t;
          }
        }
      }
      // mutation
      int bits;
      int[] ops;
      while (true) {
        bits = parent.bits();
        ops = parent.ops().clone();
        if (p.mutation() == MutationKind.ONE_VARIABLE) {
          int v = rng.nextInt(26);
          if (v < 21) {
            bits ^= 1 << v;
          } else {
            ops[v - 21] = others(ops[v - 21])[rng.nextInt(2)];
          }
        } else {
          for (int k = 0; k < 21; k++) {
            if (rng.nextDouble() < p.edgeFlipProbability()) {
              bits ^= 1 << k;
            }
          }
          for (int i = 0; i < 5; i++) {
            if (rng.nextDouble() < p.opChangeProbability()) {
              ops[i] = others(ops[i])[rng.nextInt(2)];
            }
          }
        }
        if (!resample || oracle.isValid(CellSpec.fromEncoding(bits, ops))) {
          break;
        }
      }
      add(oracle, population, bits, ops, resample);
    }
  }

  /** The two ops other than {@code op}, ascending. */
  private static int[] others(int op) {
    int[] others = new int[2];
    int c = 0;
    for (int x = 0; x < 3; x++) {
      if (x != op) {
        others[c++] = x;
      }
    }
    return others;
  }

  private void add(Oracle oracle, List<Member> population, int bits, int[] ops, boolean resample) {
    Observation o = oracle.query(CellSpec.fromEncoding(bits, ops));
    if (!o.hasData() && resample) {
      return;
    }
    population.add(new Member(bits, ops, o.hasData() ? o.validationAccuracy() : -1.0));
    if (population.size() > p.populationSize()) {
      population.remove(0);
    }
  }
}
