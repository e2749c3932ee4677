package nas4j.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars in tests: compiles Java sources with {@code javax.tools} against the test class path (nas4j's
 * own classes and dependencies) and packs classes plus resources into a jar, the way Maven's compiler and jar
 * plugins would, in a second instead of a Maven start-up.
 */
public final class JarBuilder {
  private JarBuilder() {}

  /**
   * Compiles every {@code .java} file under {@code sources} and writes a jar holding the classes, every file
   * under {@code resources} (may be null) and a manifest with the given main attributes.
   */
  public static Path build(Path sources, Path resources, Map<String, String> manifest, Path jar) throws IOException {
    Path classes = Files.createTempDirectory(jar.getParent(), "classes");
    List<String> files;
    try (Stream<Path> s = Files.walk(sources)) {
      files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in this runtime: the tests need a JDK, not a JRE");
    }
    List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
        "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
    args.addAll(files);
    StringWriter diagnostics = new StringWriter();
    OutputStream errs = new OutputStream() {
      @Override
      public void write(int b) {
        diagnostics.write(b);
      }
    };
    int rc = javac.run(null, errs, errs, args.toArray(String[]::new));
    if (rc != 0) {
      throw new IllegalStateException("javac failed on " + sources + ":\n" + diagnostics);
    }
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
      add(out, classes);
      if (resources != null) {
        add(out, resources);
      }
    }
    return jar;
  }

  /** Writes a jar holding the given text files (path inside the jar → content) and no manifest attributes. */
  public static Path of(Map<String, String> files, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), new Manifest())) {
      for (Map.Entry<String, String> e : files.entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void add(JarOutputStream out, Path root) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(root)) {
      all = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path p : all) {
      out.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
      Files.copy(p, out);
      out.closeEntry();
    }
  }
}
