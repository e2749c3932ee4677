package nas4j.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.space.SpaceIndex;
import nas4j.space.SpaceIndexCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas4j space}: counts of the enumerated space. */
@Command(name = "space", mixinStandardHelpOptions = true,
    description = "Enumerates the NAS-Bench-101 space (or loads its cache) and prints its counts.")
final class SpaceCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--fresh", description = "Enumerate from scratch instead of loading the cache.")
  boolean fresh;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    SpaceIndex idx = fresh ? SpaceIndex.enumerate() : SpaceIndex.shared();
    double secs = (System.nanoTime() - t0) / 1e9;
    String source = idx.loadedFrom().isPresent() ? "cache" : "enumerated";
    String from = idx.loadedFrom().map(Object::toString).orElse(null);
    int[] byV = idx.countsByVertices();
    int[] byE = idx.countsByEdges();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("unique_cells", idx.size());
      m.put("full_dag_matrices", idx.fullDagCount());
      m.put("labelled_graphs", idx.labelledGraphCount());
      Map<String, Object> v = new LinkedHashMap<>();
      for (int i = 2; i < byV.length; i++) {
        v.put(Integer.toString(i), byV[i]);
      }
      m.put("by_vertices", v);
      Map<String, Object> e = new LinkedHashMap<>();
      for (int i = 1; i < byE.length; i++) {
        e.put(Integer.toString(i), byE[i]);
      }
      m.put("by_edges", e);
      m.put("source", source);
      m.put("cache_file", from != null ? from : SpaceIndexCache.defaultFile().toString());
      m.put("seconds", secs);
      out.println(JsonOut.write(m));
    } else {
      int[] dags = idx.fullDagsByVertices();
      int[] lab = idx.labelledByVertices();
      out.printf(Locale.ROOT, "NAS-Bench-101 space: %,d unique cells (%,d full-DAG matrices, %,d labelled graphs)%n",
          idx.size(), idx.fullDagCount(), idx.labelledGraphCount());
      if (from != null) {
        out.printf(Locale.ROOT, "loaded from the cache %s in %.2f s%n", from, secs);
      } else {
        out.printf(Locale.ROOT, "enumerated in %.2f s%s%n", secs,
            fresh ? " (--fresh: cache not used)" : "; cache written to " + SpaceIndexCache.defaultFile());
      }
      out.println("vertices  matrices  labelled  unique");
      for (int i = 2; i < byV.length; i++) {
        out.printf(Locale.ROOT, "%8d  %8d  %8d  %6d%n", i, dags[i], lab[i], byV[i]);
      }
      out.println("edges  unique");
      for (int i = 1; i < byE.length; i++) {
        out.printf(Locale.ROOT, "%5d  %6d%n", i, byE[i]);
      }
    }
    out.flush();
    return 0;
  }
}
