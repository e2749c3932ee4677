package nas4j.search.jenetics;

import io.jenetics.IntegerGene;
import io.jenetics.Phenotype;
import io.jenetics.util.BaseSeq;
import io.jenetics.util.Seq;

/**
 * The population of regularized evolution: a bounded ring of evaluated phenotypes in birth order. Adding to a full
 * population overwrites the oldest member. {@link #view()} is a Jenetics {@link Seq} over the members from oldest
 * (index 0) to youngest, without copying. Mutable, not thread-safe; one per run.
 */
final class AgingPopulation implements BaseSeq<Phenotype<IntegerGene, Double>> {
  private final Phenotype<IntegerGene, Double>[] ring;
  private int head;
  private int size;
  private Seq<Phenotype<IntegerGene, Double>> view = Seq.empty();

  @SuppressWarnings("unchecked")
  AgingPopulation(int capacity) {
    this.ring = (Phenotype<IntegerGene, Double>[]) new Phenotype<?, ?>[capacity];
  }

  /** Adds the youngest member; returns the member that died (the oldest), or null while not full. */
  Phenotype<IntegerGene, Double> add(Phenotype<IntegerGene, Double> member) {
    if (size < ring.length) {
      ring[(head + size++) % ring.length] = member;
      if (size == 1) {
        view = Seq.viewOf(this); // live view of this sequence (Jenetics returns a shared empty one for size 0)
      }
      return null;
    }
    Phenotype<IntegerGene, Double> oldest = ring[head];
    ring[head] = member;
    head = (head + 1) % ring.length;
    return oldest;
  }

  /** The i-th oldest member (0 = oldest). */
  @Override
  public Phenotype<IntegerGene, Double> get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index + " not in 0.." + (size - 1));
    }
    return ring[(head + index) % ring.length];
  }

  @Override
  public int length() {
    return size;
  }

  int capacity() {
    return ring.length;
  }

  /** A live view, oldest first. */
  Seq<Phenotype<IntegerGene, Double>> view() {
    return view;
  }
}
