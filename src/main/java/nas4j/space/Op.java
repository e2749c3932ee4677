package nas4j.space;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A vertex operation of a NAS-Bench-101 cell. Immutable.
 *
 * <p>{@link #label()} is the integer the official module hash uses: input −1, output −2, interior ops their
 * index in {@code available_ops} (conv3x3 0, conv1x1 1, maxpool 2).
 */
public enum Op {
  CONV3X3("conv3x3-bn-relu", 0),
  CONV1X1("conv1x1-bn-relu", 1),
  MAXPOOL3X3("maxpool3x3", 2),
  INPUT("input", -1),
  OUTPUT("output", -2);

  /** The three interior operations, in the official {@code available_ops} order. */
  public static final List<Op> INTERIOR = List.of(CONV3X3, CONV1X1, MAXPOOL3X3);

  private static final Op[] VALUES = values();

  private final String officialName;
  private final int label;

  Op(String officialName, int label) {
    this.officialName = officialName;
    this.label = label;
  }

  /** The name used in the data files, e.g. {@code conv3x3-bn-relu}. */
  public String officialName() {
    return officialName;
  }

  /** The hash label: −1 input, −2 output, 0..2 interior. */
  public int label() {
    return label;
  }

  /** True for the three operations an interior vertex may carry. */
  public boolean isInterior() {
    return label >= 0;
  }

  /** The interior op with the given index in {@code available_ops} (0, 1 or 2). */
  public static Op interior(int index) {
    if (index < 0 || index > 2) {
      throw new IllegalArgumentException("interior op index " + index + " not in 0..2");
    }
    return VALUES[index];
  }

  static Op ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /**
   * Parses an official op name (also accepts the short forms {@code conv3x3}, {@code conv1x1}, {@code maxpool}).
   *
   * @throws MalformedCellException naming the unknown name and the known ones
   */
  public static Op fromName(String name) {
    String n = name.trim();
    for (Op op : VALUES) {
      if (op.officialName.equals(n)) {
        return op;
      }
    }
    switch (n) {
      case "conv3x3":
        return CONV3X3;
      case "conv1x1":
        return CONV1X1;
      case "maxpool":
      case "maxpool3x3-bn-relu":
        return MAXPOOL3X3;
      default:
        throw new MalformedCellException("unknown op '" + n + "'; known: " + knownNames());
    }
  }

  static String knownNames() {
    return Arrays.stream(VALUES).map(Op::officialName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return officialName;
  }
}
