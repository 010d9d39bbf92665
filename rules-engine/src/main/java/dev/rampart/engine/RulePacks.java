package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.load.BuiltinPacks;
import dev.rampart.engine.internal.load.PackComposer;
import dev.rampart.engine.internal.load.PackProblems;
import dev.rampart.engine.internal.load.PackReader;
import dev.rampart.engine.internal.load.PackSource;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.engine.value.Problem;
import dev.rampart.spi.source.DidYouMean;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Loads rule packs from files, the classpath, or the built-in packs.
 *
 * <p>A pack may {@code extends} a base: a built-in pack by id, or a pack file by a path relative to
 * the pack's own file (to its classpath directory for a classpath resource, and to the working
 * directory for {@link #parse parsed} text). The base is loaded with it and the two become one pack.
 */
@API(status = STABLE, since = "0.1")
public final class RulePacks {

  /** Largest pack file read, in bytes. */
  public static final long MAX_BYTES = PackSource.MAX_BYTES;

  private RulePacks() {}

  /**
   * Loads a pack file, or the {@code pack.yaml} in a directory.
   *
   * @throws PackLoadException listing every problem, each with file:line:column, or why the file
   *     cannot be read
   */
  public static RulePack load(Path file) throws PackLoadException {
    return compose(PackSource.file(file));
  }

  /** Loads a pack from a classpath resource. */
  public static RulePack fromClasspath(String resource) throws PackLoadException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = RulePacks.class.getClassLoader();
    }
    return compose(PackSource.classpath(loader, resource));
  }

  /**
   * Whether a pack name, as a user gives it on a command line, names a built-in pack: a bare id such
   * as {@code iot-baseline} (lower-case words joined by '-') always does, whatever files the working
   * directory holds, so that a file named like a built-in pack can never stand in for it. A pack file
   * is named by a path with a '/' or an extension: {@code ./iot-baseline}, {@code site.yaml}.
   */
  public static boolean namesBuiltin(String name) {
    return BuiltinPacks.isId(name);
  }

  /**
   * Loads the pack a user named: a built-in pack for a bare id (see {@link #namesBuiltin}), else the
   * pack file, or the {@code pack.yaml} in a directory, at that path.
   *
   * @throws PackLoadException listing every problem, or why there is no such pack
   */
  public static RulePack named(String name) throws PackLoadException {
    return namesBuiltin(name) ? builtin(name) : load(path(name));
  }

  /**
   * Loads the pack a user named, as {@link #named}, only if it and its bases are signed by a trusted
   * key (see {@link #loadVerified} and {@link #builtinVerified}).
   *
   * @throws PackSignatureException naming the pack refused and why
   * @throws PackLoadException listing every problem, or why there is no such pack
   */
  public static RulePack namedVerified(String name, TrustedKeys trusted) throws PackLoadException, PackSignatureException {
    return namedVerified(name, trusted, MinimumVersions.none());
  }

  /**
   * Loads the pack a user named only if it and its bases are signed by a trusted key, as
   * {@link #namedVerified(String, TrustedKeys)}, and none of them has a version below its minimum.
   *
   * @throws PackSignatureException naming the pack refused and why
   * @throws PackLoadException listing every problem, or why there is no such pack
   */
  public static RulePack namedVerified(String name, TrustedKeys trusted, MinimumVersions minimum)
      throws PackLoadException, PackSignatureException {
    return namesBuiltin(name) ? builtinVerified(name, trusted, minimum) : loadVerified(path(name), trusted, minimum);
  }

  /** Loads a built-in pack, e.g. {@code iot-baseline}; needs rampart-rule-packs on the classpath. */
  public static RulePack builtin(String id) throws PackLoadException {
    checkBuiltin(id);
    return compose(BuiltinPacks.source(id));
  }

  /**
   * Loads a pack file, or the {@code pack.yaml} in a directory, only if it and every base in its
   * chain are signed by a trusted key and unchanged since (see {@link PackSignatures}). A built-in
   * base is also accepted signed with the built-in key. Each pack is read from the bytes whose
   * signature was checked, and nothing of a pack is parsed before its signature checks out.
   *
   * @throws PackSignatureException naming the pack refused and why: unsigned, a file added, removed
   *     or changed, signed by a key not trusted, or a malformed signature file
   * @throws PackLoadException listing the mistakes of packs whose signatures checked out
   */
  public static RulePack loadVerified(Path file, TrustedKeys trusted) throws PackLoadException, PackSignatureException {
    return loadVerified(file, trusted, MinimumVersions.none());
  }

  /**
   * Loads a pack as {@link #loadVerified(Path, TrustedKeys)} does, and refuses it when it, or a base
   * in its chain, has a version below the minimum {@code minimum} sets for its id: an older signed
   * copy is refused with {@link PackSignatureException.Reason#BELOW_MINIMUM_VERSION}.
   */
  public static RulePack loadVerified(Path file, TrustedKeys trusted, MinimumVersions minimum)
      throws PackLoadException, PackSignatureException {
    return compose(PackSource.file(file), Boundary.verifier(trusted, minimum));
  }

  /**
   * Loads a built-in pack only if it and its bases are signed, by the built-in key shipped beside
   * them in rampart-rule-packs or by a key of {@code trusted}, and unchanged since.
   *
   * @throws PackSignatureException naming the pack refused and why
   * @throws PackLoadException if there is no such built-in pack, or it has mistakes
   */
  public static RulePack builtinVerified(String id, TrustedKeys trusted) throws PackLoadException, PackSignatureException {
    return builtinVerified(id, trusted, MinimumVersions.none());
  }

  /** Loads a built-in pack as {@link #builtinVerified(String, TrustedKeys)} does, refusing a version below its minimum. */
  public static RulePack builtinVerified(String id, TrustedKeys trusted, MinimumVersions minimum)
      throws PackLoadException, PackSignatureException {
    checkBuiltin(id);
    return compose(BuiltinPacks.source(id), Boundary.verifier(trusted, minimum));
  }

  /** Refuses an id that is not a built-in pack on the classpath, explaining what is. */
  static void checkBuiltin(String id) throws PackLoadException {
    if (!BuiltinPacks.isId(id)) {
      throw single(id, "id is not valid", "built-in pack ids are lower-case words joined by '-', e.g. iot-baseline");
    }
    if (!BuiltinPacks.exists(id)) {
      if (Files.exists(Path.of(id))) {
        throw single(id, "is not a built-in pack, and a name without '/' or extension never means a file",
            "to load the file '" + id + "', write './" + id + "'");
      }
      List<String> ids = BuiltinPacks.ids();
      throw single(id, "is not a built-in pack", DidYouMean.closest(id, ids).map(s -> "did you mean '" + s + "'? ")
          .orElse(ids.isEmpty() ? "no built-in packs are on the classpath (add rampart-rule-packs); "
              : "built-in packs: " + String.join(", ", ids) + "; ")
          + "a pack file is named by a path with a '/' or an extension, e.g. ./" + id + ".yaml");
    }
  }

  /** The path of a pack file a user named; a name that is no path here cannot be a pack file either. */
  private static Path path(String name) throws PackLoadException {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw single(name, "is not a valid file path (" + e.getReason() + ")",
          "name a pack file, or a built-in pack such as iot-baseline");
    }
  }

  /**
   * The classpath folder a built-in pack ships in, e.g. {@code dev/rampart/packs/iot-baseline/}: its
   * {@code pack.yaml} and the {@code tests/} that pack testing reads.
   */
  public static String builtinFolder(String id) throws PackLoadException {
    checkBuiltin(id);
    return BuiltinPacks.ROOT + id + "/";
  }

  /** The ids of the built-in packs on the classpath, sorted. */
  public static List<String> builtinIds() {
    return BuiltinPacks.ids();
  }

  /**
   * Parses pack text; {@code sourceName} is used in problems. A base named by a relative path is
   * looked for in the working directory.
   */
  public static RulePack parse(String yaml, String sourceName) throws PackLoadException {
    return compose(PackSource.text(sourceName, yaml));
  }

  private static RulePack compose(PackSource source) throws PackLoadException {
    return compose(source, PackReader.PLAIN);
  }

  private static <X extends Exception> RulePack compose(PackSource source, PackReader<X> reader)
      throws PackLoadException, X {
    // the pack's own text and its direct base, as each was loaded, are what its tailoring is stated against
    PackDef[] ownAndBase = new PackDef[2];
    PackReader<X> keeping = new PackReader<>() {
      @Override
      public String read(PackSource pack, List<PackSource> below) throws PackProblems, X {
        return reader.read(pack, below);
      }

      @Override
      public void loaded(PackSource pack, PackDef def, List<PackSource> below) throws X {
        reader.loaded(pack, def, below);
        if (below.size() < ownAndBase.length) {
          ownAndBase[below.size()] = def;
        }
      }
    };
    try {
      return new RulePack(PackComposer.load(source, keeping), ownAndBase[0], ownAndBase[1]);
    } catch (PackProblems e) {
      throw new PackLoadException(e.problems());
    }
  }

  private static PackLoadException single(String file, String message, @Nullable String suggestion) {
    return new PackLoadException(List.of(new Problem(file, 0, 0, null, "the pack " + message, suggestion)));
  }
}
