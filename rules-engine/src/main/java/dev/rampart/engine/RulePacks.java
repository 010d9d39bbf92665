package dev.rampart.engine;

import dev.rampart.engine.internal.load.PackParser;
import dev.rampart.engine.internal.load.PackProblems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Loads rule packs from files, the classpath, or the built-in packs. */
public final class RulePacks {

  /** Where built-in packs live on the classpath: {@code dev/rampart/packs/ID/pack.yaml}. */
  public static final String BUILTIN_ROOT = "dev/rampart/packs/";

  private static final long MAX_BYTES = 8L * 1024 * 1024;

  private RulePacks() {}

  /**
   * Loads a pack file.
   *
   * @throws PackLoadException listing every problem, each with file:line:column, or why the file
   *     cannot be read
   */
  public static RulePack load(Path file) throws PackLoadException {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        Path inside = file.resolve("pack.yaml");
        if (Files.isRegularFile(inside)) {
          return load(inside);
        }
        throw single(name, "is a directory without a pack.yaml", "name the pack file itself");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw single(name, "is larger than " + MAX_BYTES + " bytes", "split the pack");
      }
      return parse(decode(Files.readAllBytes(file), name), name);
    } catch (NoSuchFileException e) {
      throw single(name, "does not exist", "check the path");
    } catch (IOException e) {
      throw single(name, "cannot be read: " + e.getMessage(), "check the file's permissions");
    }
  }

  /** Loads a pack from a classpath resource. */
  public static RulePack fromClasspath(String resource) throws PackLoadException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = RulePacks.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw single(resource, "is not on the classpath", "check the resource name");
      }
      return parse(decode(in.readNBytes((int) MAX_BYTES + 1), resource), "classpath:" + resource);
    } catch (IOException e) {
      throw single(resource, "cannot be read: " + e.getMessage(), null);
    }
  }

  /** Loads a built-in pack, e.g. {@code iot-baseline}; needs rampart-rule-packs on the classpath. */
  public static RulePack builtin(String id) throws PackLoadException {
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw single(id, "id is not valid", "built-in pack ids are lower-case words joined by '-', e.g. iot-baseline");
    }
    ClassLoader loader = RulePacks.class.getClassLoader();
    if (loader.getResource(BUILTIN_ROOT + id + "/pack.yaml") == null) {
      throw single(id, "is neither a built-in pack nor an existing file",
          "give a pack file path, or a built-in id such as iot-baseline (add rampart-rule-packs to the classpath)");
    }
    return fromClasspath(BUILTIN_ROOT + id + "/pack.yaml");
  }

  /** Parses pack text; {@code sourceName} is used in problems. */
  public static RulePack parse(String yaml, String sourceName) throws PackLoadException {
    try {
      return new RulePack(PackParser.parse(yaml, sourceName));
    } catch (PackProblems e) {
      throw new PackLoadException(e.problems());
    }
  }

  private static String decode(byte[] bytes, String name) throws PackLoadException {
    if (bytes.length > MAX_BYTES) {
      throw single(name, "is larger than " + MAX_BYTES + " bytes", "split the pack");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw single(name, "is not UTF-8 text", "save the pack as UTF-8");
    }
  }

  private static PackLoadException single(String file, String message, @Nullable String suggestion) {
    return new PackLoadException(List.of(new Problem(file, 0, 0, null, "the pack " + message, suggestion)));
  }
}
