package nas4j.analysis;

import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;
import nas4j.space.CellSpec;
import nas4j.space.SpaceIndex;

/** Hand-made landscapes for tests: values from functions of the cell, on the cells a predicate keeps. */
final class Landscapes {
  private Landscapes() {}

  static LandscapeValues of(String name, ToDoubleFunction<CellSpec> acc, ToDoubleFunction<CellSpec> time,
      IntPredicate present) {
    SpaceIndex space = SpaceIndex.shared();
    float[] v = LandscapeValues.nanArray(space.size());
    float[] te = LandscapeValues.nanArray(space.size());
    float[] ti = LandscapeValues.nanArray(space.size());
    java.util.stream.IntStream.range(0, space.size()).parallel().filter(present).forEach(id -> {
      CellSpec c = space.cell(id);
      v[id] = (float) acc.applyAsDouble(c);
      te[id] = v[id] - 0.005f;
      ti[id] = (float) time.applyAsDouble(c);
    });
    return LandscapeValues.of(name, space, 108, v, te, ti);
  }
}
