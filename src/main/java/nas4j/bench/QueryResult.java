package nas4j.bench;

import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;

/**
 * What the official {@code query()} returns (its 7 keys), plus the hash, id and the repeat used (−1 for the
 * mean). Immutable.
 */
public record QueryResult(ModuleHash hash, int cellId, CellSpec canonical, int trainableParameters,
    double trainingTime, double trainAccuracy, double validationAccuracy, double testAccuracy, int repeat) {}
