package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.waiver.WaiverParser;
import dev.rampart.engine.internal.yaml.TreeReadException;
import dev.rampart.engine.internal.yaml.TreeReader;
import dev.rampart.engine.value.Problem;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Loads waivers from YAML files:
 *
 * <pre>{@code
 * apiVersion: rampart.dev/v1
 * kind: Waivers
 * waivers:
 *   - rule: INT-*
 *     factType: device
 *     where: {field: attributes.site, equals: dock}
 *     trustedSources: [inventory, netbox]   # whose values 'where' may match; default [inventory]
 *     justification: Dock cameras are replaced in Q1
 *     approvedBy: jane.doe (CISO)
 *     expires: 2026-12-31
 * }</pre>
 *
 * <p>Every mistake is reported at once, each with file:line:column and a fix.
 */
@API(status = STABLE, since = "0.1")
public final class Waivers {

  private static final long MAX_BYTES = 8L * 1024 * 1024;

  private Waivers() {}

  /**
   * Loads a waiver file, checking that each rule id (not a pattern) names one of the given rules.
   *
   * @param rules the rules of the packs the waivers are for, e.g. {@link ComplianceEngine#rules()}
   * @throws WaiverLoadException listing every problem, or why the file cannot be read
   */
  public static List<Waiver> load(Path file, Collection<Rule> rules) throws WaiverLoadException {
    return read(file, Objects.requireNonNull(rules, "rules"));
  }

  /**
   * Loads a waiver file without checking its rule ids against packs.
   *
   * @throws WaiverLoadException listing every problem, or why the file cannot be read
   */
  public static List<Waiver> load(Path file) throws WaiverLoadException {
    return read(file, null);
  }

  /**
   * Parses waiver text, checking that each rule id (not a pattern) names one of the given rules;
   * {@code sourceName} is used in problems.
   */
  public static List<Waiver> parse(String yaml, String sourceName, Collection<Rule> rules) throws WaiverLoadException {
    return parseText(yaml, sourceName, Objects.requireNonNull(rules, "rules"));
  }

  /** Parses waiver text without checking its rule ids; {@code sourceName} is used in problems. */
  public static List<Waiver> parse(String yaml, String sourceName) throws WaiverLoadException {
    return parseText(yaml, sourceName, null);
  }

  private static List<Waiver> read(Path file, @Nullable Collection<Rule> rules) throws WaiverLoadException {
    String name = file.toString();
    String text;
    try {
      text = InputFiles.readUtf8(file, MAX_BYTES);
    } catch (InputFileException e) {
      throw single(name, "the waiver file " + e.reason(), switch (e.kind()) {
        case DIRECTORY -> "name the waiver file itself";
        case TOO_LARGE -> "split it";
        default -> e.fix();
      });
    }
    return parseText(text, name, rules);
  }

  private static List<Waiver> parseText(String yaml, String sourceName, @Nullable Collection<Rule> rules)
      throws WaiverLoadException {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(sourceName, "sourceName");
    if (yaml.isBlank()) {
      throw single(sourceName, "the waiver file is empty",
          "start it with 'apiVersion: " + WaiverParser.API_VERSION + "' and 'kind: " + WaiverParser.KIND + "'");
    }
    WaiverParser.Result result;
    try {
      result = WaiverParser.parse(TreeReader.read(yaml), sourceName,
          rules == null ? null : rules.stream().map(Rule::ruleId).toList());
    } catch (TreeReadException e) {
      throw new WaiverLoadException(List.of(new Problem(sourceName, e.line(), e.column(), null, e.getMessage(), null)));
    }
    if (!result.problems().isEmpty()) {
      throw new WaiverLoadException(result.problems());
    }
    return result.waivers().stream().map(Boundary::waiver).toList();
  }

  private static WaiverLoadException single(String file, String message, String suggestion) {
    return new WaiverLoadException(List.of(new Problem(file, 0, 0, null, message, suggestion)));
  }
}
