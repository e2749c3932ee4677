package nas4j.bench;

import nas4j.space.ModuleHash;

/**
 * The best mean validation and best mean test accuracy over the repeats at one epoch budget (108 for regret),
 * and the cells that reach them (they may differ). Immutable. Regret: {@code y*_valid = 1 − bestValidation},
 * {@code y*_test = 1 − bestTest} as error rates.
 */
public record Optimum(int epochs, double bestValidation, ModuleHash bestValidationCell, double bestTest,
    ModuleHash bestTestCell) {}
