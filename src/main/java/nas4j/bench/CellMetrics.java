package nas4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;

/**
 * Everything the table holds about one cell: fixed data and, per epoch budget, the runs in repeat order (the
 * official {@code get_metrics_from_hash}). The fixed data are returned as the source stores them ({@code stored},
 * {@code trainableParameters}), as the official API does; the space's canonical cell and the exact parameter count
 * are separate fields. Immutable.
 *
 * @param canonical the space's canonical representative of the cell
 * @param stored the adjacency and ops as the source stores them (the first record of the cell)
 * @param trainableParameters the parameter count as the source stores it
 * @param exactParameters the exact parameter count of the cell (computed from its graph)
 */
public record CellMetrics(ModuleHash hash, int cellId, CellSpec canonical, CellSpec stored, int trainableParameters,
    int exactParameters, Map<Integer, List<RunMetrics>> runsByEpochs) {

  public CellMetrics {
    runsByEpochs = Collections.unmodifiableMap(new LinkedHashMap<>(runsByEpochs));
  }

  /** Reads all runs of a cell. */
  public static CellMetrics of(Benchmark b, int id) {
    Map<Integer, List<RunMetrics>> runs = new LinkedHashMap<>();
    for (int e : b.epochBudgets()) {
      List<RunMetrics> list = new ArrayList<>();
      for (int r = 0; r < b.repeats(); r++) {
        list.add(b.run(id, e, r));
      }
      runs.put(e, List.copyOf(list));
    }
    StoredFixedData f = b.stored();
    return new CellMetrics(b.space().hash(id), id, b.cell(id), f.cell(id, b.space()), f.parameters(id, b.space()),
        b.parameters(id), runs);
  }
}
