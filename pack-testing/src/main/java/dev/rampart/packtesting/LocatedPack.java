package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A loaded rule pack and where it came from: a pack file (its tests sit in {@code tests/} beside it)
 * or a built-in pack on the classpath (its tests under {@code dev/rampart/packs/ID/tests/}).
 *
 * @param pack the loaded, validated pack
 * @param file the pack file, or {@code null} for a built-in pack
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LocatedPack(RulePack pack, @Nullable Path file) {

  /** The folder, beside the pack, that holds its test fixtures. */
  public static final String TESTS = "tests";

  public LocatedPack {
    Objects.requireNonNull(pack, "pack");
  }

  /**
   * Loads a pack named the way every command names one: a bare id is a built-in pack, a path with a
   * '/' or an extension a pack file (or a folder holding {@code pack.yaml}).
   *
   * @throws PackLoadException listing every problem of the pack, or why it cannot be found
   */
  public static LocatedPack load(String idOrPath) throws PackLoadException {
    if (RulePacks.namesBuiltin(idOrPath)) {
      return new LocatedPack(RulePacks.builtin(idOrPath), null);
    }
    RulePack pack = RulePacks.named(idOrPath);
    // the file it was read from: for a folder, the pack.yaml inside
    return new LocatedPack(pack, Path.of(pack.source()));
  }

  /**
   * The pack this one extends, located the same way, so that its fixtures and text are found: empty
   * for a pack that extends none.
   */
  public Optional<LocatedPack> base() {
    return pack.basePack().map(base -> RulePack.BUILT_IN.equals(base.origin())
        ? new LocatedPack(base, null) : new LocatedPack(base, Path.of(base.source())));
  }

  /** This pack, then the pack it extends, then that one's base, and so on. */
  List<LocatedPack> chain() {
    List<LocatedPack> chain = new ArrayList<>();
    for (Optional<LocatedPack> at = Optional.of(this); at.isPresent(); at = at.get().base()) {
      chain.add(at.get());
    }
    return List.copyOf(chain);
  }

  /** Whether this is a built-in pack read from the classpath. */
  public boolean builtin() {
    return file == null;
  }

  /**
   * The classpath folder of a built-in pack's tests, e.g. {@code dev/rampart/packs/iot-baseline/tests/}.
   *
   * @throws PackLoadException when the pack is no built-in pack on the classpath
   */
  public String testsResource() throws PackLoadException {
    return RulePacks.builtinFolder(pack.id()) + TESTS + "/";
  }

  /** The folder of a pack file's tests, {@code tests/} next to the file. */
  public Path testsFolder() {
    Path parent = Objects.requireNonNull(file, "a built-in pack has no folder").getParent();
    return parent == null ? Path.of(TESTS) : parent.resolve(TESTS);
  }

  /** The pack's YAML text, read again from where the pack was loaded. */
  String text() {
    try {
      if (file != null) {
        return InputFiles.readUtf8(file, RulePacks.MAX_BYTES);
      }
      String resource = RulePacks.builtinFolder(pack.id()) + "pack.yaml";
      try (InputStream in = RulePacks.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("the built-in pack " + resource + " vanished from the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      // the pack was read a moment ago, so failing now is not the user's mistake
      throw new UncheckedIOException("cannot read the pack " + pack.source() + " again", e);
    } catch (InputFileException | PackLoadException e) {
      throw new UncheckedIOException("cannot read the pack " + pack.source() + " again", new IOException(e.getMessage(), e));
    }
  }
}
