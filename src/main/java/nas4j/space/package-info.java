/**
 * The NAS-Bench-101 cell space: operations ({@link nas4j.space.Op}), cells ({@link nas4j.space.CellSpec}: matrix,
 * compact strings, 26-variable encoding), pruning and the official domain check ({@link nas4j.space.ValidityRule},
 * {@link nas4j.space.DomainRule}), the exact module hash ({@link nas4j.space.ModuleHash},
 * {@link nas4j.space.CellHasher}), exact parameter counts ({@link nas4j.space.ParameterCount}), the enumerated
 * space with dense ids and its disk cache ({@link nas4j.space.SpaceIndex}), single-edit neighbourhoods, edit
 * distance and samplers.
 *
 * <p>Depends on the JDK only. Every other nas4j package may depend on it; it depends on none of them.
 */
package nas4j.space;
