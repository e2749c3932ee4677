package nas4j.search.jenetics;

import io.jenetics.Chromosome;
import io.jenetics.Genotype;
import io.jenetics.IntegerChromosome;
import io.jenetics.IntegerGene;
import io.jenetics.engine.Codec;
import io.jenetics.util.Factory;
import io.jenetics.util.MSeq;
import java.util.function.Function;
import nas4j.space.CellSpec;

/**
 * The 26-variable cell encoding (encoding A of automl/nas_benchmarks) as a Jenetics genotype: chromosome 0 holds
 * the 21 row-major upper-triangular edge bits as integer genes in [0, 2), chromosome 1 the 5 interior op indices
 * in [0, 3) ({@link nas4j.space.Op#INTERIOR} order). The genotype is never pruned, so mutations start from the
 * parent's raw matrix as the published scripts do. Immutable and thread-safe.
 *
 * <p>Integer genes rather than a {@code BitChromosome}: a Jenetics genotype holds a single gene type, so edges and
 * ops share {@link IntegerGene}. Random genotypes come from Jenetics' factory: 21 draws {@code nextInt(0, 2)}
 * then 5 draws {@code nextInt(0, 3)} from {@link io.jenetics.util.RandomRegistry#random()}.
 */
public final class CellCodec implements Codec<CellSpec, IntegerGene> {
  /** Index of the edge chromosome in the genotype. */
  public static final int EDGES = 0;
  /** Index of the op chromosome in the genotype. */
  public static final int OPS = 1;
  /** Values an op variable takes. */
  public static final int OP_VALUES = 3;

  private static final CellCodec INSTANCE = new CellCodec();

  // shared immutable genes: every allele the encoding can hold
  private static final IntegerGene[] EDGE_GENES = {IntegerGene.of(0, 0, 2), IntegerGene.of(1, 0, 2)};
  private static final IntegerGene[] OP_GENES = {IntegerGene.of(0, 0, 3), IntegerGene.of(1, 0, 3),
      IntegerGene.of(2, 0, 3)};
  private static final IntegerChromosome[] OP_CHROMOSOMES = opChromosomes();

  // the factory: a fixed genotype whose newInstance() draws a random one (built without random draws, so that
  // loading this class never consumes a run's random stream)
  private static final Genotype<IntegerGene> TEMPLATE = genotype(0, new int[CellSpec.OP_VARIABLES]);

  private CellCodec() {}

  /** The codec. */
  public static CellCodec instance() {
    return INSTANCE;
  }

  @Override
  public Factory<Genotype<IntegerGene>> encoding() {
    return TEMPLATE;
  }

  @Override
  public Function<Genotype<IntegerGene>, CellSpec> decoder() {
    return CellCodec::toCell;
  }

  /** The 7-vertex spec a genotype encodes (possibly invalid). */
  public static CellSpec toCell(Genotype<IntegerGene> genotype) {
    return CellSpec.fromEncoding(edgeBits(genotype), ops(genotype));
  }

  /** The 21 edge bits of a genotype (bit k = edge variable k). */
  public static int edgeBits(Genotype<IntegerGene> genotype) {
    Chromosome<IntegerGene> edges = genotype.get(EDGES);
    int bits = 0;
    for (int k = 0; k < CellSpec.EDGE_VARIABLES; k++) {
      bits |= edges.get(k).intValue() << k;
    }
    return bits;
  }

  /** The 5 op indices of a genotype (fresh array). */
  public static int[] ops(Genotype<IntegerGene> genotype) {
    Chromosome<IntegerGene> ops = genotype.get(OPS);
    int[] out = new int[CellSpec.OP_VARIABLES];
    for (int i = 0; i < out.length; i++) {
      out[i] = ops.get(i).intValue();
    }
    return out;
  }

  /** The genotype of a 7-vertex spec with legal interior ops (its raw, unpruned encoding). */
  public static Genotype<IntegerGene> toGenotype(CellSpec spec) {
    return genotype(spec.edgeEncoding(), spec.opEncoding());
  }

  /** The genotype of 21 edge bits and 5 op indices. */
  public static Genotype<IntegerGene> genotype(int edgeBits, int[] ops) {
    MSeq<IntegerGene> e = MSeq.ofLength(CellSpec.EDGE_VARIABLES);
    for (int k = 0; k < CellSpec.EDGE_VARIABLES; k++) {
      e.set(k, EDGE_GENES[edgeBits >>> k & 1]);
    }
    for (int op : ops) {
      if (op < 0 || op >= OP_VALUES) {
        throw new IllegalArgumentException("op index " + op + " not in 0..2");
      }
    }
    return Genotype.of(IntegerChromosome.of(e), OP_CHROMOSOMES[opIndex(ops)]);
  }

  /** The value of variable {@code v} (0..20 edges, 21..25 ops). */
  public static int variable(Genotype<IntegerGene> genotype, int v) {
    return v < CellSpec.EDGE_VARIABLES
        ? genotype.get(EDGES).get(v).intValue()
        : genotype.get(OPS).get(v - CellSpec.EDGE_VARIABLES).intValue();
  }

  /**
   * The genotype of these bits and ops, sharing the chromosomes of {@code like} (whose edge bits are
   * {@code likeBits}) that do not change. Op chromosomes come from a table of all 3^5 of them.
   */
  static Genotype<IntegerGene> of(int edgeBits, int[] ops, Genotype<IntegerGene> like, int likeBits) {
    Chromosome<IntegerGene> e = like.get(EDGES);
    if (edgeBits != likeBits) {
      MSeq<IntegerGene> g = MSeq.ofLength(CellSpec.EDGE_VARIABLES);
      for (int k = 0; k < CellSpec.EDGE_VARIABLES; k++) {
        g.set(k, EDGE_GENES[edgeBits >>> k & 1]);
      }
      e = e.newInstance(g.toISeq());
    }
    Chromosome<IntegerGene> o = OP_CHROMOSOMES[opIndex(ops)];
    return Genotype.of(e, o);
  }

  private static int opIndex(int[] ops) {
    int x = 0;
    for (int i = 0; i < CellSpec.OP_VARIABLES; i++) {
      x = x * OP_VALUES + ops[i];
    }
    return x;
  }

  private static IntegerChromosome[] opChromosomes() {
    IntegerChromosome[] out = new IntegerChromosome[243];
    int[] ops = new int[CellSpec.OP_VARIABLES];
    for (int x = 0; x < out.length; x++) {
      int y = x;
      for (int i = CellSpec.OP_VARIABLES - 1; i >= 0; i--) {
        ops[i] = y % OP_VALUES;
        y /= OP_VALUES;
      }
      MSeq<IntegerGene> g = MSeq.ofLength(CellSpec.OP_VARIABLES);
      for (int i = 0; i < CellSpec.OP_VARIABLES; i++) {
        g.set(i, OP_GENES[ops[i]]);
      }
      out[x] = IntegerChromosome.of(g);
    }
    return out;
  }
}
