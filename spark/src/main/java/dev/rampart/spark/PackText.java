package dev.rampart.spark;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.engine.value.Problem;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A rule pack as it is shipped to the executors: a built-in pack's id, a pack's YAML text, or every
 * file of a pack's directory, so that each executor loads (and verifies) exactly what the driver did.
 */
sealed interface PackText extends Serializable {

  /** The most files a pack directory may hold to be shipped. */
  int MAX_FILES = 256;

  static PackText builtin(String id) {
    return new Builtin(id);
  }

  static PackText text(String name, String yaml) {
    return new Text(name, yaml);
  }

  /** Reads the pack file (or the {@code pack.yaml} of a directory) and every file beside it. */
  static PackText files(Path file) throws PackLoadException {
    Path pack = Files.isDirectory(file) ? file.resolve("pack.yaml") : file;
    Path directory = pack.toAbsolutePath().getParent();
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path each : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        if (files.size() == MAX_FILES) {
          throw problem(file, "its directory '" + directory + "' holds more than " + MAX_FILES + " files",
              "keep a pack's directory to the pack, its bases and its signature");
        }
        if (Files.size(each) > RulePacks.MAX_BYTES) {
          continue; // not a pack file: the loader refuses a pack this large anyway
        }
        files.put(directory.relativize(each).toString().replace('\\', '/'), Files.readAllBytes(each));
      }
    } catch (IOException | UncheckedIOException e) {
      throw problem(file, "cannot be read: " + e.getMessage(), "check that the pack file and its directory exist");
    }
    String name = directory.relativize(pack.toAbsolutePath()).toString().replace('\\', '/');
    if (!files.containsKey(name)) {
      throw problem(file, "is not a file", "name a pack file, or a directory holding pack.yaml");
    }
    return new PackFiles(pack.toString(), name, files);
  }

  /** Loads the pack, only if signed by a trusted key when {@code trusted} is given. */
  RulePack load(@Nullable TrustedKeys trusted) throws PackLoadException, PackSignatureException;

  /** Loads the pack on the driver, where problems name the user's own files. */
  default RulePack loadOnDriver(@Nullable TrustedKeys trusted) throws PackLoadException, PackSignatureException {
    return load(trusted);
  }

  /** Feeds what the pack is made of to the digest. */
  void digest(MessageDigest digest);

  private static PackLoadException problem(Path file, String message, String fix) {
    return new PackLoadException(List.of(new Problem(file.toString(), 0, 0, null, "the pack " + message, fix)));
  }

  private static void digestText(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  /** A built-in pack, by id. */
  record Builtin(String id) implements PackText {

    private static final long serialVersionUID = 1L;

    @Override
    public RulePack load(@Nullable TrustedKeys trusted) throws PackLoadException, PackSignatureException {
      return trusted == null ? RulePacks.builtin(id) : RulePacks.builtinVerified(id, trusted);
    }

    @Override
    public void digest(MessageDigest digest) {
      digestText(digest, "builtin");
      digestText(digest, id);
    }
  }

  /** A pack's YAML text, which carries no signature. */
  record Text(String name, String yaml) implements PackText {

    private static final long serialVersionUID = 1L;

    @Override
    public RulePack load(@Nullable TrustedKeys trusted) throws PackLoadException {
      if (trusted != null) {
        throw new PackLoadException(List.of(new Problem(name, 0, 0, null,
            "the pack is given as text, which carries no signature, and signed packs are required",
            "give the signed pack's file or directory instead")));
      }
      return RulePacks.parse(yaml, name);
    }

    @Override
    public void digest(MessageDigest digest) {
      digestText(digest, "text");
      digestText(digest, name);
      digestText(digest, yaml);
    }
  }

  /**
   * Every file of a pack's directory, by path relative to it; {@code pack} is the pack file's. On an
   * executor they are written to a directory of their own to be loaded, as the loader reads a pack's
   * files; on the driver, which read them a moment ago, the pack is loaded where the user named it, so
   * that problems name the user's files.
   *
   * @param origin the pack file as the user named it
   */
  record PackFiles(String origin, String pack, Map<String, byte[]> files) implements PackText {

    private static final long serialVersionUID = 1L;

    public PackFiles {
      files = new TreeMap<>(files);
    }

    @Override
    public RulePack load(@Nullable TrustedKeys trusted) throws PackLoadException, PackSignatureException {
      return load(materialised(), trusted);
    }

    @Override
    public RulePack loadOnDriver(@Nullable TrustedKeys trusted) throws PackLoadException, PackSignatureException {
      return load(Path.of(origin), trusted);
    }

    private static RulePack load(Path file, @Nullable TrustedKeys trusted) throws PackLoadException, PackSignatureException {
      return trusted == null ? RulePacks.load(file) : RulePacks.loadVerified(file, trusted);
    }

    private Path materialised() throws PackLoadException {
      Path directory;
      try {
        directory = Files.createTempDirectory("rampart-pack-");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          Path target = directory.resolve(file.getKey()).normalize();
          if (!target.startsWith(directory)) {
            throw new IOException("the pack file name '" + file.getKey() + "' leaves its directory");
          }
          Files.createDirectories(target.getParent());
          Files.write(target, file.getValue());
        }
      } catch (IOException e) {
        throw new PackLoadException(List.of(new Problem(pack, 0, 0, null,
            "the pack cannot be written to a temporary directory to be loaded: " + e.getMessage(),
            "give the executors a writable java.io.tmpdir")));
      }
      return directory.resolve(pack);
    }

    @Override
    public void digest(MessageDigest digest) {
      digestText(digest, "files");
      digestText(digest, pack);
      files.forEach((name, bytes) -> {
        digestText(digest, name);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
      });
    }
  }
}
