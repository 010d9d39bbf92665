package dev.rampart.reports;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.rampart.engine.AppliedWaiver;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.UntrustedMatch;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.value.EvidenceText;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import dev.rampart.sources.FailedSource;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The report for code-scanning tools: a SARIF 2.1.0 log with one run, a rule descriptor for every
 * rule of the packs and one result for every FAIL, UNKNOWN and ERROR. PASS and NOT_APPLICABLE
 * results are left out, as code-scanning tools expect.
 *
 * <p>Outcomes map to SARIF's {@code kind} (SARIF 2.1.0 §3.27.9) and {@code level} (§3.27.10, which
 * requires {@code level} to be {@code none} whenever {@code kind} is not {@code fail}):
 *
 * <ul>
 *   <li>FAIL: {@code kind: fail}, {@code level} from the rule's severity (critical and high
 *       {@code error}, medium {@code warning}, low and info {@code note});
 *   <li>UNKNOWN: {@code kind: open}, {@code level: none}. SARIF defines {@code open} as "the rule was
 *       evaluated, and the tool concluded that there was insufficient information to decide whether
 *       a problem exists", which is what missing evidence is;
 *   <li>ERROR: an {@code error} notification in the invocation's {@code toolExecutionNotifications},
 *       because the rule could not be evaluated; and when it fails the gate (the default, unless
 *       {@code --allow-errors}) {@code kind: fail}, {@code level: error}, as it stops the build like a
 *       failure does; otherwise {@code kind: review}, {@code level: none} ("requires review by a human
 *       user to decide if it represents a problem": rampart could not decide).
 * </ul>
 *
 * <p>What the sources could not read is in the invocation's notifications too: an {@code error} for
 * each source left out and each record skipped (with the record's place), a {@code warning} for each
 * source warning; {@code executionSuccessful} is false when a source was left out or a record skipped,
 * since then rampart did not evaluate all that its inputs hold.
 *
 * <p>For GitHub code scanning: every rule is tagged {@code security}, without which GitHub ignores
 * its {@code security-severity}; a rule keeps at most {@value #MAX_TAGS} tags and a full description
 * of at most {@value #MAX_FULL_DESCRIPTION} characters, GitHub's limits; and the run's
 * {@code automationDetails.id} is {@code rampart/<pack ids>/<category>/}, so that the runs of other
 * packs or sites, which have another category, do not close this run's alerts. GitHub reads the id
 * as {@code category/run-id}: the trailing slash makes it all category, with no run id.
 */
@API(status = STABLE, since = "0.1")
public final class SarifReport implements ReportWriter {

  /** The SARIF version written. */
  public static final String SARIF_VERSION = "2.1.0";

  /** The OASIS schema the log conforms to. */
  public static final String SCHEMA_URI =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** The base every relative artifact URI is resolved against: the directory rampart ran in. */
  public static final String SOURCE_ROOT = "%SRCROOT%";

  /** The {@code partialFingerprints} key of the hash of rule id, fact type and fact id. */
  public static final String FINGERPRINT = "rampartResult/v1";

  /** The tag that makes GitHub code scanning treat a rule as a security rule. */
  public static final String SECURITY_TAG = "security";

  /** GitHub code scanning rejects a log with a rule of more tags (and shows the first ten). */
  static final int MAX_TAGS = 20;

  /** GitHub code scanning shows at most this many characters of a rule's full description. */
  static final int MAX_FULL_DESCRIPTION = 1000;

  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();
  private static final Pattern SEMANTIC_VERSION = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  private final List<Rule> rules;
  private final Path workingDirectory;
  private final @Nullable String category;

  private SarifReport(List<Rule> rules, Path workingDirectory, @Nullable String category) {
    this.rules = List.copyOf(rules);
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.category = category;
  }

  /**
   * A log that describes every given rule, whether or not it produced a result, and resolves
   * inventory paths against the current working directory.
   *
   * @param rules every rule of the packs evaluated, in pack order
   */
  public static SarifReport of(List<Rule> rules) {
    return new SarifReport(rules, Path.of(""), null);
  }

  /** Like {@link #of(List)}, with paths relative to {@code workingDirectory}. */
  public static SarifReport of(List<Rule> rules, Path workingDirectory) {
    return new SarifReport(rules, Objects.requireNonNull(workingDirectory, "workingDirectory"), null);
  }

  /**
   * Like this log, with the category of its {@code automationDetails.id} given rather than made of
   * the inputs' names: for runs over inputs whose names change, or to name a site.
   *
   * @param category the site or part of the estate the run covers, e.g. {@code site-a}; slashes at
   *     either end are dropped
   * @throws IllegalArgumentException if the category is blank
   */
  public SarifReport withCategory(String category) {
    String trimmed = trimSlashes(Objects.requireNonNull(category, "category"));
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("the SARIF category '" + category + "' is empty; give the site or part of"
          + " the estate the run covers, e.g. site-a");
    }
    return new SarifReport(rules, workingDirectory, trimmed);
  }

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    Report report = evaluation.report();
    RuleCatalogue catalogue = RuleCatalogue.of(rules, report);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA_URI);
      json.writeStringField("version", SARIF_VERSION);
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      writeTool(json, evaluation, catalogue);
      json.writeObjectFieldStart("automationDetails");
      json.writeStringField("id", automationId(evaluation));
      json.writeEndObject();
      writeInvocation(json, evaluation, catalogue);
      json.writeObjectFieldStart("originalUriBaseIds");
      json.writeObjectFieldStart(SOURCE_ROOT);
      json.writeStringField("uri", directoryUri(workingDirectory));
      json.writeObjectFieldStart("description");
      json.writeStringField("text", "The working directory of rampart evaluate; inventory paths are relative to it.");
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
      json.writeArrayFieldStart("results");
      for (RuleResult result : report.findings()) {
        writeResult(json, result, evaluation.origin(result).orElse(null), catalogue,
            report.waiverOf(result).map(AppliedWaiver::waiver).orElse(null), report.untrustedMatchesOf(result),
            evaluation.gate().fails(report, result));
      }
      json.writeEndArray();
      writeRunProperties(json, evaluation);
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  /**
   * The run's {@code automationDetails.id}: {@code rampart/}, the pack ids joined by {@code +}, the
   * category (given, or the inputs as named, paths relative to the working directory, joined by
   * {@code +}) and a trailing slash, so that GitHub reads it all as the category.
   */
  String automationId(Evaluation evaluation) {
    String packs = evaluation.report().packs().stream().map(Report.PackInfo::id).collect(Collectors.joining("+"));
    String runCategory = category != null ? category : evaluation.inputs().stream()
        .map(input -> Objects.requireNonNullElse(relativeUri(input), input))
        .map(SarifReport::trimSlashes)
        .collect(Collectors.joining("+"));
    return "rampart/" + packs + "/" + (runCategory.isEmpty() ? "" : runCategory + "/");
  }

  /** SARIF's level for a FAIL of a rule of this severity. */
  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** The CVSS-like score GitHub code scanning reads from {@code security-severity}. */
  static String securitySeverity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "1.0";
    };
  }

  /** SARIF's {@code kind} of a result with this outcome. */
  static String kind(Outcome outcome) {
    return switch (outcome) {
      case FAIL -> "fail";
      case UNKNOWN -> "open";
      case ERROR -> "review";
      case PASS -> "pass";
      case NOT_APPLICABLE -> "notApplicable";
    };
  }

  /** A rule's {@code name}: its title in PascalCase ("No default password" is NoDefaultPassword), else its id. */
  static String name(Rule rule) {
    String fromTitle = pascalCase(rule.title());
    return fromTitle.isEmpty() || !Character.isLetter(fromTitle.charAt(0)) ? pascalCase(rule.id()) : fromTitle;
  }

  /** The version as SemVer 2.0, or null when it is not one (as {@code dev} outside a jar). */
  static @Nullable String semanticVersion(String version) {
    return SEMANTIC_VERSION.matcher(version).matches() ? version : null;
  }

  private static String pascalCase(String text) {
    StringBuilder name = new StringBuilder();
    for (String word : text.split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        name.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
        name.append(word.substring(word.offsetByCodePoints(0, 1)));
      }
    }
    return name.toString();
  }

  private static void writeTool(JsonGenerator json, Evaluation evaluation, RuleCatalogue catalogue)
      throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "rampart");
    json.writeStringField("fullName", "Rampart compliance rules engine");
    json.writeStringField("version", evaluation.toolVersion());
    String semanticVersion = semanticVersion(evaluation.toolVersion());
    if (semanticVersion != null) {
      json.writeStringField("semanticVersion", semanticVersion);
    }
    json.writeArrayFieldStart("rules");
    for (Rule rule : catalogue.rules()) {
      writeRule(json, rule, catalogue);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeRule(JsonGenerator json, Rule rule, RuleCatalogue catalogue) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", catalogue.displayId(rule));
    json.writeStringField("name", name(rule));
    writeText(json, "shortDescription", rule.title());
    writeText(json, "fullDescription", shortened(rule.rationale().isBlank() ? rule.title() : rule.rationale()));
    json.writeObjectFieldStart("help");
    json.writeStringField("text", helpText(rule));
    json.writeStringField("markdown", helpMarkdown(rule));
    json.writeEndObject();
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(rule.severity()));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeArrayFieldStart("tags");
    for (String tag : tags(rule).stream().limit(MAX_TAGS).toList()) {
      json.writeString(tag);
    }
    json.writeEndArray();
    json.writeStringField("security-severity", securitySeverity(rule.severity()));
    // the rules read declared facts and never guess: a FAIL is a true violation of the inventory
    json.writeStringField("precision", "very-high");
    json.writeStringField("category", rule.category().wireName());
    json.writeStringField("severity", rule.severity().wireName());
    json.writeStringField("target", rule.target().wireName());
    json.writeStringField("packId", rule.packId());
    if (!rule.owner().isEmpty()) {
      json.writeStringField("owner", rule.owner());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  // Tags are a set in SARIF: security and the category first, as GitHub keeps only the first ten, then the
  // pack's own tags, then each reference as framework:control, then each requirement (which the help lists too).
  private static Set<String> tags(Rule rule) {
    Set<String> tags = new LinkedHashSet<>();
    tags.add(SECURITY_TAG);
    tags.add(rule.category().wireName());
    tags.addAll(rule.tags());
    for (Map.Entry<String, List<String>> framework : rule.references().entrySet()) {
      for (String control : framework.getValue()) {
        tags.add(framework.getKey() + ":" + control);
      }
    }
    tags.addAll(rule.requirements());
    return tags;
  }

  // the whole text is in the help's Markdown ("Why:")
  private static String shortened(String text) {
    if (text.length() <= MAX_FULL_DESCRIPTION) {
      return text;
    }
    int end = MAX_FULL_DESCRIPTION - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  private static String trimSlashes(String text) {
    return text.replaceAll("^[/\\s]+|[/\\s]+$", "");
  }

  private static String helpText(Rule rule) {
    List<String> lines = new ArrayList<>();
    lines.add(rule.remediation().isBlank() ? "The pack gives no remediation for this rule." : rule.remediation());
    if (!rule.references().isEmpty()) {
      lines.add("References: " + String.join(", ", references(rule)));
    }
    if (!rule.requirements().isEmpty()) {
      lines.add("Requirements: " + String.join(", ", rule.requirements()));
    }
    return String.join("\n", lines);
  }

  private static String helpMarkdown(Rule rule) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(rule.remediation().isBlank()
        ? "_The pack gives no remediation for this rule._"
        : "**Remediation:** " + markdown(rule.remediation()));
    if (!rule.rationale().isBlank()) {
      paragraphs.add("**Why:** " + markdown(rule.rationale()));
    }
    if (!rule.references().isEmpty()) {
      paragraphs.add("**References:** "
          + String.join(", ", references(rule).stream().map(SarifReport::codeSpan).toList()));
    }
    if (!rule.requirements().isEmpty()) {
      paragraphs.add("**Requirements:** " + markdown(String.join(", ", rule.requirements())));
    }
    return String.join("\n\n", paragraphs);
  }

  private static List<String> references(Rule rule) {
    List<String> references = new ArrayList<>();
    rule.references().forEach((framework, controls) -> controls.forEach(c -> references.add(framework + ":" + c)));
    return references;
  }

  // Pack text is plain: characters Markdown would read as markup are escaped so it shows as written.
  private static String markdown(String text) {
    return text.replaceAll("([\\\\`*_{}\\[\\]<>()#+!|])", "\\\\$1");
  }

  /**
   * Text as a Markdown code span that shows it as written. Backslashes do not escape inside a code
   * span (CommonMark 6.1), so the fence is one backtick longer than the longest run of backticks in
   * the text, padded with spaces when the text starts or ends with one; line breaks, which could
   * start a block such as a heading, become spaces.
   */
  static String codeSpan(String text) {
    String flat = text.replaceAll("\\R", " ");
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" "));
    return pad ? fence + " " + flat + " " + fence : fence + flat + fence;
  }

  // Rules that could not be evaluated, sources left out and records skipped are errors of the run, so
  // executionSuccessful is false for the latter two; what a source could read only in part is a warning.
  private void writeInvocation(JsonGenerator json, Evaluation evaluation, RuleCatalogue catalogue)
      throws IOException {
    json.writeArrayFieldStart("invocations");
    json.writeStartObject();
    // rampart completed the evaluation, but not of every record its sources hold when some were left out
    json.writeBooleanField("executionSuccessful", evaluation.sourcesReadInFull());
    List<RuleResult> errors = evaluation.report().findings().stream()
        .filter(result -> result.outcome() == Outcome.ERROR)
        .toList();
    if (!errors.isEmpty() || !evaluation.sourcesReadInFull() || !evaluation.warnings().isEmpty()) {
      json.writeArrayFieldStart("toolExecutionNotifications");
      for (RuleResult error : errors) {
        json.writeStartObject();
        json.writeStringField("level", "error");
        writeText(json, "message", catalogue.displayId(error.rule()) + " could not be evaluated for "
            + error.factType().wireName() + "/" + error.factId() + ": " + error.message());
        json.writeObjectFieldStart("associatedRule");
        json.writeStringField("id", catalogue.displayId(error.rule()));
        json.writeNumberField("index", catalogue.index(error.rule()));
        json.writeEndObject();
        json.writeEndObject();
      }
      for (FailedSource failed : evaluation.failedSources()) {
        writeFailedSource(json, failed);
      }
      for (SkippedRecord record : evaluation.skippedRecords()) {
        writeSkippedRecord(json, record);
      }
      for (String warning : evaluation.warnings()) {
        json.writeStartObject();
        json.writeStringField("level", "warning");
        writeText(json, "message", warning);
        json.writeObjectFieldStart("properties");
        json.writeStringField("kind", "sourceWarning");
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndArray();
  }

  private static void writeFailedSource(JsonGenerator json, FailedSource failed) throws IOException {
    json.writeStartObject();
    json.writeStringField("level", "error");
    writeText(json, "message", failed.source() + " could not be read; evaluated without it (--allow-partial): "
        + String.join("; ", failed.problems()));
    json.writeObjectFieldStart("properties");
    json.writeStringField("kind", "sourceNotRead");
    json.writeStringField("source", failed.source());
    json.writeEndObject();
    json.writeEndObject();
  }

  private void writeSkippedRecord(JsonGenerator json, SkippedRecord record) throws IOException {
    json.writeStartObject();
    json.writeStringField("level", "error");
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    writePhysicalLocation(json, record.origin());
    json.writeEndObject();
    json.writeEndArray();
    String standIn = record.factId() == null ? "" : ", its rules UNKNOWN";
    writeText(json, "message", "Skipped " + record.describeFact() + " (--allow-partial)" + standIn + ": "
        + String.join("; ", record.problems()));
    json.writeObjectFieldStart("properties");
    json.writeStringField("kind", "recordSkipped");
    json.writeStringField("source", record.origin().sourceId());
    if (record.type() != null) {
      json.writeStringField("factType", record.type().wireName());
    }
    if (record.factId() != null) {
      json.writeStringField("factId", record.factId());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private void writeResult(
      JsonGenerator json, RuleResult result, @Nullable Origin origin, RuleCatalogue catalogue, @Nullable Waiver waiver,
      List<UntrustedMatch> waiversNotApplied, boolean failsGate) throws IOException {
    Rule rule = result.rule();
    json.writeStartObject();
    json.writeStringField("ruleId", catalogue.displayId(rule));
    json.writeNumberField("ruleIndex", catalogue.index(rule));
    // an ERROR that fails the gate is shown as the error it is, not as a question for review
    boolean failingError = result.outcome() == Outcome.ERROR && failsGate;
    json.writeStringField("kind", failingError ? "fail" : kind(result.outcome()));
    json.writeStringField("level",
        failingError ? "error" : result.outcome() == Outcome.FAIL ? level(rule.severity()) : "none");
    writeText(json, "message", message(result));
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    if (origin != null) {
      writePhysicalLocation(json, origin);
    }
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("name", result.factId());
    json.writeStringField("fullyQualifiedName", result.factType().wireName() + "/" + result.factId());
    json.writeStringField("kind", "resource");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT, fingerprint(result));
    json.writeEndObject();
    if (waiver != null) {
      writeSuppression(json, waiver);
    }
    json.writeObjectFieldStart("properties");
    json.writeStringField("factType", result.factType().wireName());
    json.writeStringField("factId", result.factId());
    json.writeStringField("outcome", result.outcome().name());
    json.writeStringField("packId", rule.packId());
    EvidenceJson.writeMember(json, result.evidence());
    WaiversNotApplied.write(json, waiversNotApplied);
    json.writeEndObject();
    json.writeEndObject();
  }

  // A waived result is suppressed outside the scanned artifact (SARIF 2.1.0 §3.35): by a waiver file.
  private static void writeSuppression(JsonGenerator json, Waiver waiver) throws IOException {
    json.writeArrayFieldStart("suppressions");
    json.writeStartObject();
    json.writeStringField("kind", "external");
    json.writeStringField("status", "accepted");
    json.writeStringField("justification", waiver.justification());
    json.writeObjectFieldStart("properties");
    json.writeStringField("approvedBy", waiver.approvedBy());
    json.writeStringField("expires", waiver.expires().toString());
    if (waiver.ticket() != null) {
      json.writeStringField("ticket", waiver.ticket());
    }
    if (!waiver.location().isEmpty()) {
      json.writeStringField("waiverLocation", waiver.location());
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
  }

  private void writePhysicalLocation(JsonGenerator json, Origin origin) throws IOException {
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    String relative = relativeUri(origin.location());
    if (relative != null) {
      json.writeStringField("uri", relative);
      json.writeStringField("uriBaseId", SOURCE_ROOT);
    } else {
      json.writeStringField("uri", absoluteUri(origin.location()));
    }
    json.writeEndObject();
    if (origin.line() > 0) {
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", origin.line());
      if (origin.column() > 0) {
        json.writeNumberField("startColumn", origin.column());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  // The message and, so a reader of a single line sees why, the evidence that decided it.
  private static String message(RuleResult result) {
    String message = result.message().strip();
    if (result.evidence().isEmpty()) {
      return message;
    }
    // the sources are in the result's properties; the message stays the same whichever source said it
    List<String> evidence = result.evidence().stream().map(EvidenceText::line).toList();
    return message + (message.endsWith(".") ? "" : ".") + " Evidence: " + String.join("; ", evidence) + ".";
  }

  private static String fingerprint(RuleResult result) {
    String identity = result.rule().id() + "\n" + result.factType().wireName() + "\n" + result.factId();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** The location as a URI relative to the working directory, or null when it is outside or not a path. */
  private @Nullable String relativeUri(String location) {
    if (URI_SCHEME.matcher(location).matches()) {
      return null;
    }
    Path absolute;
    try {
      absolute = workingDirectory.resolve(location).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
    if (!absolute.startsWith(workingDirectory) || absolute.equals(workingDirectory)) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    workingDirectory.relativize(absolute).forEach(segment -> segments.add(segment.toString()));
    String path = String.join("/", segments);
    try {
      String encoded = new URI(null, null, path, null).getRawPath();
      // a colon in the first segment would read as a URI scheme
      return segments.get(0).contains(":") ? "./" + encoded : encoded;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private String absoluteUri(String location) {
    if (URI_SCHEME.matcher(location).matches()) {
      return location;
    }
    try {
      return workingDirectory.resolve(location).normalize().toUri().toString();
    } catch (InvalidPathException e) {
      return location;
    }
  }

  private static String directoryUri(Path directory) {
    String uri = directory.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static void writeText(JsonGenerator json, String field, String text) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  private static void writeRunProperties(JsonGenerator json, Evaluation evaluation) throws IOException {
    Report report = evaluation.report();
    json.writeObjectFieldStart("properties");
    json.writeStringField("evaluatedAt", report.evaluatedAt().toString());
    json.writeArrayFieldStart("packs");
    for (Report.PackInfo pack : report.packs()) {
      json.writeStartObject();
      json.writeStringField("id", pack.id());
      json.writeStringField("version", pack.version());
      json.writeStringField("title", pack.title());
      json.writeStringField("source", pack.source());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("inputs");
    for (String input : evaluation.inputs()) {
      json.writeString(input);
    }
    json.writeEndArray();
    json.writeObjectFieldStart("counts");
    for (Outcome outcome : Outcome.values()) {
      json.writeNumberField(outcome.name(), report.count(outcome));
    }
    json.writeEndObject();
    json.writeObjectFieldStart("gate");
    json.writeStringField("failOn", evaluation.gate().failOn());
    json.writeBooleanField("failed", evaluation.gate().failed(report));
    json.writeEndObject();
    JsonReport.writeCoverage(json, evaluation);
    json.writeFieldName("requirementCounts");
    JsonReport.writeRequirementCounts(json, report);
    JsonReport.writeRequirements(json, report);
    json.writeEndObject();
  }
}
