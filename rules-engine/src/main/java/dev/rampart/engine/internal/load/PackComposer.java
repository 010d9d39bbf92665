package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.ast.Position;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.value.Problem;
import dev.rampart.spi.source.DidYouMean;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads a pack and, when it {@code extends} another, the chain of bases above it, and composes them
 * into one pack. The problems of every pack in the chain are collected together, each under its own
 * file's name, so one run shows all of them.
 */
public final class PackComposer {

  /** How many bases may stand above the pack that is loaded. */
  public static final int MAX_DEPTH = 5;

  private PackComposer() {}

  /**
   * Loads, validates and composes a pack.
   *
   * @throws PackProblems listing every problem in the pack and its bases
   */
  public static PackDef load(PackSource source) throws PackProblems {
    return load(source, PackReader.PLAIN);
  }

  /**
   * Loads, validates and composes a pack, reading it and each of its bases with {@code reader}.
   *
   * @throws PackProblems listing every problem in the pack and its bases
   * @throws X when the reader refuses a pack of the chain
   */
  public static <X extends Exception> PackDef load(PackSource source, PackReader<X> reader) throws PackProblems, X {
    return load(source, List.of(), reader);
  }

  /** {@code below}: the packs that extend this one, starting with the pack that was asked for. */
  private static <X extends Exception> PackDef load(PackSource source, List<PackSource> below, PackReader<X> reader)
      throws PackProblems, X {
    Node root = DocumentParser.read(reader.read(source, below), source.name());
    MapNode top = root instanceof MapNode map ? map : null;
    Node extendsNode = top == null ? null : top.entries().get("extends");
    PackProblemCollector problems = new PackProblemCollector(source.name());

    PackDef base = null;
    Inherited inherited = Inherited.NONE;
    if (extendsNode != null) {
      try {
        base = loadBase(extendsNode, source, Stream.concat(below.stream(), Stream.of(source)).toList(), reader);
        inherited = Inherited.from(base, new Position(extendsNode.line(), extendsNode.column()));
      } catch (PackProblems e) {
        problems.addAll(e.problems());
        inherited = Inherited.UNKNOWN;
      }
    }
    PackDef own = DocumentParser.parse(root, problems, inherited);
    Tailoring tailoring = top == null ? null : Tailoring.check(top, problems, extendsNode != null, base);
    if (!problems.isEmpty() || own == null) {
      throw problems.stop();
    }
    reader.loaded(source, own, below);
    return base == null || tailoring == null ? own : tailoring.apply(own, base);
  }

  /** {@code chain}: the pack that was asked for down to the one whose {@code extends} this is. */
  private static <X extends Exception> PackDef loadBase(
      Node extendsNode, PackSource source, List<PackSource> chain, PackReader<X> reader) throws PackProblems, X {
    if (!(extendsNode instanceof ScalarNode scalar) || !(scalar.value() instanceof String written) || written.isBlank()) {
      throw problem(source, extendsNode, "'extends' takes a built-in pack id or the path of a pack file, not "
          + extendsNode.describe(), "e.g. 'extends: iot-baseline'");
    }
    // the pin follows the last '@': a path that holds an '@' itself is written with a pin after it
    int at = written.lastIndexOf('@');
    String name = at < 0 ? written : written.substring(0, at);
    VersionPin pin = null;
    if (at >= 0) {
      pin = VersionPin.parse(written.substring(at + 1));
      if (pin == null || name.isBlank()) {
        String what = name.isBlank() ? "nothing names the base before '@'"
            : written.substring(at + 1).isBlank() ? "nothing follows '@'"
            : "'" + written.substring(at + 1) + "' is not a version pin";
        throw problem(source, extendsNode, "extends '" + written + "': " + what,
            "write the base, then '@' and " + VersionPin.FORMS + ", e.g. 'extends: "
                + (name.isBlank() ? "iot-baseline" : name) + "@^1'");
      }
    }
    PackSource base = BuiltinPacks.isId(name) ? BuiltinPacks.source(name) : source.relative(name);
    if (base == null || !base.exists()) {
      throw BuiltinPacks.isId(name) ? unknownBuiltin(source, extendsNode, name) : missingFile(source, extendsNode, name, base);
    }
    if (chain.stream().anyMatch(s -> s.key().equals(base.key()))) {
      throw problem(source, extendsNode, "'extends' makes a cycle: " + names(chain, base),
          "a pack cannot extend itself, directly or through its bases; remove one of the 'extends'");
    }
    if (chain.size() > MAX_DEPTH) {
      throw problem(source, extendsNode, "'extends' goes more than " + MAX_DEPTH + " bases deep: " + names(chain, base),
          "let a pack extend one further up the chain, or merge two of the packs");
    }
    PackDef loaded = load(base, chain, reader);
    if (pin != null && !pin.accepts(loaded.version())) {
      String which = BuiltinPacks.isId(name) ? "the built-in " + name
          : "base pack file " + name + " (pack '" + loaded.id() + "')";
      throw problem(source, extendsNode, "extends '" + written + "': " + which + " is version " + loaded.version()
          + ", which is " + (pin.exact() ? "not " : "not in ") + pin,
          "pin a version it has, e.g. " + name + "@" + (pin.exact() ? loaded.version() : VersionPin.suggestFor(loaded.version())));
    }
    return loaded;
  }

  private static PackProblems unknownBuiltin(PackSource source, Node at, String id) {
    PackSource file = source.relative(id);
    if (file != null && file.exists()) {
      return problem(source, at, "unknown base pack '" + id + "'",
          "a name like this is a built-in pack id; to extend the file '" + id + "', write './" + id + "'");
    }
    List<String> ids = BuiltinPacks.ids();
    String paths = "a pack file is named by its path, relative to " + source.relativeRoot();
    String fix = DidYouMean.closest(id, ids).map(DidYouMean::question)
        .orElse(ids.isEmpty()
            ? "no built-in packs are on the classpath (add rampart-rule-packs); " + paths
            : "built-in packs: " + String.join(", ", ids) + "; " + paths);
    return problem(source, at, "unknown base pack '" + id + "'", fix);
  }

  private static PackProblems missingFile(PackSource source, Node at, String path, @Nullable PackSource base) {
    String looked = base == null ? "" : "; looked for " + base.name();
    return problem(source, at, "base pack file '" + path + "' does not exist",
        "the path is relative to " + source.relativeRoot() + looked);
  }

  private static String names(List<PackSource> chain, PackSource next) {
    return Stream.concat(chain.stream(), Stream.of(next)).map(PackSource::name).collect(Collectors.joining(" -> "));
  }

  private static PackProblems problem(PackSource source, Node at, String message, String suggestion) {
    return new PackProblems(List.of(new Problem(source.name(), at.line(), at.column(), null, message, suggestion)));
  }
}
