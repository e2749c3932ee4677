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
 * official {@code get_metrics_from_hash}). Immutable.
 */
public record CellMetrics(ModuleHash hash, int cellId, CellSpec canonical, int trainableParameters,
    Map<Integer, List<RunMetrics>> runsByEpochs) {

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
    return new CellMetrics(b.space().hash(id), id, b.cell(id), b.parameters(id), runs);
  }
}
