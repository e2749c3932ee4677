package nas4j.experiment;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive claim on an output folder for the length of a batch: an operating-system lock on
 * {@code <out>/.nas4j.lock}, whose content names the owner (pid, host, start time) for the message a second run gets.
 * The operating system drops the lock when its process ends in any way (including SIGKILL), so a lock file left by a
 * dead run is stale by construction: the next run takes it over and says so. The file itself stays (deleting it
 * would let two later runs lock two different files). Not thread-safe; one per batch.
 */
public final class OutputLock implements AutoCloseable {
  /** The lock file's name inside the output folder. */
  public static final String FILE = ".nas4j.lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final String previousOwner;

  private OutputLock(FileChannel channel, FileLock lock, String previousOwner) {
    this.channel = channel;
    this.lock = lock;
    this.previousOwner = previousOwner;
  }

  /** Thrown when another live run holds the folder. */
  public static final class FolderInUseException extends IllegalArgumentException {
    public FolderInUseException(String message) {
      super(message);
    }
  }

  /**
   * Takes the folder (creating it), or throws {@link FolderInUseException} naming the owner if another run (in this
   * or another process) holds it.
   */
  public static OutputLock acquire(Path out) throws IOException {
    Files.createDirectories(out);
    Path file = out.resolve(FILE);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null; // held by another batch of this JVM
    } catch (IOException e) {
      ch.close();
      throw new IOException(file + ": cannot lock the output folder (" + e.getMessage() + ")", e);
    }
    String owner = readOwner(ch);
    if (l == null) {
      ch.close();
      throw inUse(out, file, owner);
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(ownerLine().getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(true);
    return new OutputLock(ch, l, owner.startsWith("pid ") ? owner : "");
  }

  /**
   * Throws {@link FolderInUseException} if another run holds the folder now (a quick check before loading a
   * benchmark; {@link #acquire} is what holds it). Creates nothing.
   */
  public static void probe(Path out) throws IOException {
    Path file = out.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        throw inUse(out, file, readOwner(ch));
      }
      l.release();
    }
  }

  private static FolderInUseException inUse(Path out, Path file, String owner) {
    return new FolderInUseException(out + " is in use by another nas4j run (" + (owner.isEmpty() ? "owner unknown"
        : owner) + "; lock file " + file + "); wait for it to finish, or choose another --out");
  }

  /** The owner recorded by a run that ended without releasing the folder (killed), or "" if there was none. */
  public String staleOwner() {
    return previousOwner;
  }

  private static String readOwner(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(512);
    int n = ch.read(b, 0);
    return n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.UTF_8).trim();
  }

  static String ownerLine() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "pid " + ProcessHandle.current().pid() + " on " + host + ", since " + Instant.now() + "\n";
  }

  /** Releases the folder (the file stays, emptied: nobody holds it). */
  @Override
  public void close() throws IOException {
    if (!channel.isOpen()) {
      return;
    }
    try {
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
    }
  }
}
