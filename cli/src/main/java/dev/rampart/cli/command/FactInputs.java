package dev.rampart.cli.command;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.sources.IdentityKeys;
import dev.rampart.sources.Inventory;
import dev.rampart.sources.SourceSpec;
import dev.rampart.sources.Sources;
import dev.rampart.sources.merge.IdentityKey;
import dev.rampart.sources.merge.MergePolicy;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code evaluate} and {@code explain} read: facts from inventory files and other sources,
 * merged by identity keys and source precedence, the rule packs, parameter overrides and the
 * evaluation time. Every mistake found while reading is
 * collected, so a user sees them all in one run.
 */
final class FactInputs {

  /** The source type of the FILE parameters. */
  static final String INVENTORY_SOURCE = "inventory";

  private static final String SOURCE = "--source";
  private static final String SOURCE_OPTION = "--source-option";
  // Option names that say they hold a secret; a name that points to one (tokenFile) is fine.
  private static final Pattern SECRET = Pattern.compile(
      "(?i).*(password|passwd|passphrase|secret|token|api[-_]?key|private[-_]?key|credentials?)");

  @Spec(Spec.Target.MIXEE) private CommandSpec spec;

  @Mixin private PackTrustOptions packTrust;

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE",
      description = "Inventory files (YAML or JSON) with the devices, networks, vendors and deployment;"
          + " short for --source inventory:FILE.")
  private List<String> files = new ArrayList<>();

  @Option(
      names = SOURCE,
      paramLabel = "TYPE:LOCATION",
      description = "Reads facts with a fact source: TYPE is its id ('rampart adapters' lists them),"
          + " LOCATION what it reads, e.g. inventory:site.yaml. Repeatable.")
  private List<String> sources = new ArrayList<>();

  @Option(
      names = SOURCE_OPTION,
      paramLabel = "KEY=VALUE",
      description = "A setting of the --source before it, e.g. embeddedAt=facts. Repeatable. Never a"
          + " secret: adapters read passwords, tokens and keys from environment variables or files.")
  private List<String> sourceOptions = new ArrayList<>();

  @Option(
      names = "--identity-keys",
      paramLabel = "KEY[,KEY...]",
      split = ",",
      description = "How records of different sources are found to be one device, most decisive first: id,"
          + " serial (serial number), mac (MAC address), ip (a shared IP address). Default: id,serial,mac,ip.")
  private List<String> identityKeys = new ArrayList<>();

  @Option(
      names = "--source-precedence",
      paramLabel = "TYPE[,TYPE...]",
      split = ",",
      description = "Source types, most trusted first: when sources disagree on a value, the first wins,"
          + " e.g. inventory,netbox,nmap. Types not listed follow in the order given on the command line."
          + " Default: inventory, then the order given.")
  private List<String> sourcePrecedence = new ArrayList<>();

  @Option(
      names = "--allow-partial",
      description = "Go on when a source or some of its records cannot be read: a source that cannot be read"
          + " at all (unreachable, refused, malformed) is left out, and the facts only it could supply are"
          + " absent; a record a source cannot read (a value no vocabulary knows, an entry that is no record)"
          + " is skipped, and the fact it would have supplied is evaluated with every field unknown, so its"
          + " rules are UNKNOWN. Every report lists both. At least one source must be read. For one source,"
          + " '--source-option partial=true' (or partial=false) decides about its records whatever this flag"
          + " says.")
  private boolean allowPartial;

  @Option(
      names = "--pack",
      paramLabel = "ID|PATH",
      description = "A rule pack: the id of a built-in pack (a bare name such as iot-baseline always means"
          + " the built-in pack), or a pack file or directory named by a path with a '/' or an extension"
          + " (./my-pack, site.yaml). Repeatable."
          + " Default: " + EvaluateCommand.DEFAULT_PACK + ".")
  private List<String> packs = new ArrayList<>();

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "Overrides a pack parameter, e.g. maxFirmwareAge=P180D. Repeatable.")
  private Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "The time to evaluate at: an ISO-8601 instant (2026-11-25T00:00:00Z) or a date"
          + " (2026-11-25, the start of that day in UTC). Default: the current time.")
  private @Nullable Instant now;

  /**
   * The FILEs as inventory sources, then each {@code --source} with the options that follow it.
   *
   * @throws ParameterException when there is no input at all, a {@code --source} is not
   *     TYPE:LOCATION, or a {@code --source-option} is misplaced, malformed or a secret
   */
  List<SourceSpec> sources() {
    if (files.isEmpty() && sources.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
    }
    List<SourceSpec> specs = new ArrayList<>();
    files.forEach(file -> specs.add(new SourceSpec(INVENTORY_SOURCE, file, Map.of())));
    // picocli keeps each option's values apart; the matched arguments say how they interleave
    int nextSource = 0;
    int nextOption = 0;
    List<SourceSpec> named = new ArrayList<>();
    for (ArgSpec arg : spec.commandLine().getParseResult().matchedArgs()) {
      if (!(arg instanceof OptionSpec option)) {
        continue;
      }
      if (option.longestName().equals(SOURCE)) {
        named.add(parseSource(sources.get(nextSource++)));
      } else if (option.longestName().equals(SOURCE_OPTION)) {
        String setting = sourceOptions.get(nextOption++);
        if (named.isEmpty()) {
          throw new ParameterException(spec.commandLine(), SOURCE_OPTION + " " + setting
              + " must follow the --source it configures, e.g. --source inventory:site.yaml --source-option embeddedAt=facts");
        }
        named.set(named.size() - 1, withOption(named.get(named.size() - 1), setting));
      }
    }
    specs.addAll(named);
    return specs;
  }

  /** How the inputs are named in reports: the FILEs as given, then each source as TYPE:LOCATION. */
  static List<String> inputNames(List<SourceSpec> specs, List<String> files) {
    List<String> names = new ArrayList<>(files);
    specs.subList(files.size(), specs.size()).forEach(source -> names.add(source.toString()));
    return names;
  }

  /**
   * Everything named on the command line that may be a file read as input: each source's location
   * and option values, the packs named by a path, the trusted keys. Names that are no local file
   * (a URL, an id) are among them; callers check which exist.
   */
  List<String> inputNames(List<SourceSpec> specs) {
    List<String> names = new ArrayList<>();
    for (SourceSpec source : specs) {
      names.add(source.location());
      names.addAll(source.options().values());
    }
    packs.stream().filter(pack -> !RulePacks.namesBuiltin(pack)).forEach(names::add);
    packTrust.keyFiles().forEach(file -> names.add(file.toString()));
    return names;
  }

  /** The FILE parameters as given. */
  List<String> files() {
    return List.copyOf(files);
  }

  /**
   * One warning per record a source skipped, its first problem on the same line and any others
   * below it: CI logs show what was not evaluated, as they show a source left out.
   */
  static void warnSkipped(PrintWriter err, List<SkippedRecord> skipped) {
    for (SkippedRecord record : skipped) {
      String standIn = record.factId() == null ? "" : ", its rules UNKNOWN";
      err.println("rampart: warning: skipped " + record.describeFact() + " (--allow-partial)" + standIn + ": "
          + record.problems().get(0));
      record.problems().subList(1, record.problems().size()).forEach(problem -> err.println("  " + problem));
    }
  }

  /** Reads and merges every source; on a mistake adds every problem found and returns null. */
  @Nullable Inventory readInventory(List<SourceSpec> specs, List<String> problems) {
    Sources discovered = Sources.discover();
    MergePolicy policy = mergePolicy(discovered, problems);
    try {
      return policy == null ? null : Inventory.read(discovered, specs, policy, allowPartial);
    } catch (SourceException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** Loads the packs and builds the engine; on a mistake adds every problem found and returns null. */
  @Nullable ComplianceEngine buildEngine(List<String> problems) {
    return buildEngine(problems, builder -> {});
  }

  /** Like {@link #buildEngine(List)}, with further settings (evaluation limits) applied to the builder. */
  @Nullable ComplianceEngine buildEngine(List<String> problems, Consumer<ComplianceEngine.Builder> settings) {
    List<String> requested = packs.isEmpty() ? List.of(EvaluateCommand.DEFAULT_PACK) : packs;
    List<RulePack> loaded = packTrust.load(requested, problems);
    if (loaded == null) {
      return null;
    }
    ComplianceEngine.Builder builder = ComplianceEngine.builder()
        .clock(now == null ? Clock.tickSeconds(ZoneOffset.UTC) : Clock.fixed(now, ZoneOffset.UTC));
    loaded.forEach(builder::pack);
    parameters.forEach(builder::parameter);
    settings.accept(builder);
    try {
      return builder.build();
    } catch (PackLoadException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  // Defaults: every identity key; the inventory first, then sources in the order given (by arrival).
  private @Nullable MergePolicy mergePolicy(Sources discovered, List<String> problems) {
    int before = problems.size();
    List<IdentityKey> keys = new ArrayList<>();
    for (String name : identityKeys.isEmpty() ? IdentityKeys.names() : identityKeys) {
      try {
        IdentityKey key = IdentityKeys.parse(name);
        if (!keys.contains(key)) {
          keys.add(key);
        }
      } catch (IllegalArgumentException e) {
        problems.add("--identity-keys: " + e.getMessage());
      }
    }
    List<String> precedence = sourcePrecedence.isEmpty() ? List.of(INVENTORY_SOURCE) : List.copyOf(sourcePrecedence);
    for (String type : precedence) {
      if (!discovered.ids().contains(type)) {
        problems.add("--source-precedence: unknown fact source '" + type + "' (available: "
            + String.join(", ", discovered.ids()) + ")");
      }
    }
    return problems.size() > before ? null : new MergePolicy(keys, precedence);
  }

  private SourceSpec parseSource(String text) {
    try {
      return SourceSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '" + SOURCE + "': " + e.getMessage());
    }
  }

  private SourceSpec withOption(SourceSpec source, String setting) {
    int equals = setting.indexOf('=');
    if (equals <= 0) {
      throw new ParameterException(spec.commandLine(),
          "Value for option '" + SOURCE_OPTION + "' should be in KEY=VALUE format but was " + setting);
    }
    String key = setting.substring(0, equals);
    if (SECRET.matcher(key).matches()) {
      throw new ParameterException(spec.commandLine(), SOURCE_OPTION + " '" + key + "' looks like a secret: give"
          + " secrets to adapters through environment variables or files, never on the command line, where"
          + " shell history, process lists and CI logs keep them");
    }
    return source.withOption(key, setting.substring(equals + 1));
  }
}
