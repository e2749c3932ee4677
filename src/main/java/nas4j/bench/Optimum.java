package nas4j.bench;

import nas4j.space.ModuleHash;

/**
 * The best mean validation and best mean test accuracy over the repeats at one epoch budget (108 for regret),
 * and the cells that reach them (they may differ). Immutable. Regret: {@code y*_valid = 1 − bestValidation},
 * {@code y*_test = 1 − bestTest} as error rates.
 */
public record Optimum(int epochs, double bestValidation, ModuleHash bestValidationCell, double bestTest,
    ModuleHash bestTestCell) {
  /**
   * Best mean validation accuracy at 108 epochs over all 423,624 cells of the official table (Ying et al. 2019,
   * NAS-Bench-101; the value the reference regret scripts use).
   */
  public static final double PUBLISHED_BEST_VALIDATION = 0.9505542318026224;
  /** Best mean test accuracy at 108 epochs over all cells (cell 02e5a0247bbdcf2860b7e96f74961594). */
  public static final double PUBLISHED_BEST_TEST = 0.943175752957662;
}
