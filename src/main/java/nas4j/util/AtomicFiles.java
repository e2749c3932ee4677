package nas4j.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic, durable file writes, the one implementation every output and cache uses: the content goes to a fresh
 * file beside the target, is forced to disk, and is then renamed over the target in one step, so a reader sees
 * either the old file or the complete new one and a crash never leaves a complete-looking partial file.
 *
 * <p>The temporary file is created with {@code CREATE_NEW} and the usual (umask) permissions, not with
 * {@link Files#createTempFile}, which makes it owner-only. Where the file system cannot rename atomically the
 * rename falls back to a plain replace. Stateless; thread-safe.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes a file's content to a stream. */
  public interface Content {
    void write(OutputStream out) throws IOException;
  }

  /** Something that writes a file's content to a channel. */
  public interface ChannelContent {
    void write(FileChannel channel) throws IOException;
  }

  /** Writes UTF-8 text. */
  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes what {@code content} writes to a buffered stream. */
  public static void write(Path target, Content content) throws IOException {
    writeChannel(target, ch -> {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
      content.write(out);
      out.flush();
    });
  }

  /** Writes what {@code content} writes to the file's channel. */
  public static void writeChannel(Path target, ChannelContent content) throws IOException {
    Path tmp = newTemporary(target);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        content.write(ch);
        ch.force(true);
      }
      commit(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Creates an empty temporary file beside {@code target} (creating the folder) for a caller that streams the
   * content itself; finish with {@link #commit} or delete it.
   */
  public static Path newTemporary(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + abs.getFileName() + "."
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
    return Files.createFile(tmp);
  }

  /** Renames a finished temporary file over {@code target}, atomically where the file system can. */
  public static void commit(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
