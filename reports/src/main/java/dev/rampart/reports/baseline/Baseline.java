package dev.rampart.reports.baseline;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.rampart.engine.Report;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.value.Outcome;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The FAIL and UNKNOWN results a team accepted at one point, keyed on rule id, fact type and fact id.
 * Gating against it fails only on results that are not in it; results in it that no longer fail are
 * reported as resolved.
 */
@API(status = STABLE, since = "0.1")
public final class Baseline {

  /** The version of the file's layout; a reader accepts files of the same major version. */
  public static final String SCHEMA_VERSION = "1.0";

  /** The {@code kind} that marks a file as a baseline. */
  public static final String KIND = "rampart-baseline";

  private static final String FIX = "create it with rampart evaluate --write-baseline FILE";
  private static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::ruleId)
      .thenComparing(entry -> entry.factType().wireName())
      .thenComparing(Entry::factId);

  private final String source;
  private final Instant createdAt;
  private final String toolVersion;
  private final List<PackRef> packs;
  private final Map<Entry, Entry> entries;

  private Baseline(String source, Instant createdAt, String toolVersion, List<PackRef> packs, List<Entry> entries) {
    this.source = source;
    this.createdAt = createdAt;
    this.toolVersion = toolVersion;
    this.packs = List.copyOf(packs);
    Map<Entry, Entry> byKey = new TreeMap<>(ORDER);
    entries.forEach(entry -> byKey.putIfAbsent(entry, entry));
    this.entries = byKey;
  }

  /** The FAIL and UNKNOWN results of a report, as a baseline to write. */
  public static Baseline of(Report report, String toolVersion) {
    List<Entry> entries = new ArrayList<>();
    for (RuleResult result : report.findings()) {
      if (isRecorded(result)) {
        entries.add(new Entry(result.rule().id(), result.factType(), result.factId(), result.outcome()));
      }
    }
    List<PackRef> packs = report.packs().stream().map(pack -> new PackRef(pack.id(), pack.version())).toList();
    return new Baseline("", report.evaluatedAt(), toolVersion, packs, entries);
  }

  /**
   * Reads a baseline file.
   *
   * @throws BaselineException listing every problem, each with {@code FILE:LINE:COLUMN}
   */
  public static Baseline read(Path file) throws BaselineException {
    String name = file.toString();
    String text;
    try {
      text = InputFiles.readUtf8(file, MAX_BYTES);
    } catch (InputFileException e) {
      throw single(switch (e.kind()) {
        case MISSING -> "cannot read the baseline '" + name + "': no such file (check the path, or " + FIX + ")";
        case NOT_UTF8 -> name + ": the baseline is not UTF-8 text (" + FIX + ")";
        case DIRECTORY -> "cannot read the baseline '" + name + "': it is a directory (name the baseline file)";
        default -> "cannot read the baseline '" + name + "': it " + e.reason() + " (" + e.fix() + ")";
      });
    }
    JsonTree root;
    try {
      root = JsonTree.parse(text);
    } catch (JsonParseException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
      throw single(name + ":" + line + ":" + column + ": not valid JSON: " + firstLine(e.getOriginalMessage())
          + " (" + FIX + ")");
    } catch (IOException e) {
      throw single(name + ": not valid JSON: " + firstLine(e.getMessage()) + " (" + FIX + ")");
    }
    return new Reader(name).baseline(root);
  }

  /** The file the baseline was read from, as named; empty for a baseline made from a report. */
  public String source() {
    return source;
  }

  /** When the recorded evaluation ran: the report's evaluation time. */
  public Instant createdAt() {
    return createdAt;
  }

  /** The recorded results, ordered by rule id, fact type and fact id. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** Whether a result's rule and fact are in the baseline, whatever their outcomes. */
  public boolean contains(RuleResult result) {
    return entries.containsKey(new Entry(result.rule().id(), result.factType(), result.factId(), null));
  }

  /** Whether a FAIL or UNKNOWN result is new or was already in the baseline; empty for other outcomes. */
  public Optional<State> state(RuleResult result) {
    if (!isRecorded(result)) {
      return Optional.empty();
    }
    return Optional.of(contains(result) ? State.EXISTING : State.NEW);
  }

  /** How a report differs from the baseline. */
  public Comparison compare(Report report) {
    long fresh = 0;
    long existing = 0;
    Map<Entry, Entry> stillThere = new TreeMap<>(ORDER);
    for (RuleResult result : report.findings()) {
      if (!isRecorded(result)) {
        continue;
      }
      Entry key = new Entry(result.rule().id(), result.factType(), result.factId(), null);
      if (entries.containsKey(key)) {
        existing++;
        stillThere.put(key, key);
      } else {
        fresh++;
      }
    }
    List<Entry> resolved = entries.values().stream().filter(entry -> !stillThere.containsKey(entry)).toList();
    return new Comparison(fresh, existing, resolved);
  }

  /** Writes the baseline as JSON: stable field order, entries sorted, so unchanged findings give an unchanged file. */
  public void writeTo(Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("schemaVersion", SCHEMA_VERSION);
      json.writeStringField("kind", KIND);
      json.writeStringField("createdAt", createdAt.toString());
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", "rampart");
      json.writeStringField("version", toolVersion);
      json.writeEndObject();
      json.writeArrayFieldStart("packs");
      for (PackRef pack : packs) {
        json.writeStartObject();
        json.writeStringField("id", pack.id());
        json.writeStringField("version", pack.version());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("findings");
      for (Entry entry : entries.values()) {
        entry.writeTo(json);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  private static boolean isRecorded(RuleResult result) {
    return result.outcome() == Outcome.FAIL || result.outcome() == Outcome.UNKNOWN;
  }

  private static BaselineException single(String problem) {
    return new BaselineException(List.of(problem));
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /** Whether a finding is new since the baseline or was recorded in it. */
  public enum State {
    NEW,
    EXISTING;

    /** The lower-case name used in reports. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One recorded result; two entries are the same finding when rule id, fact type and fact id agree.
   *
   * @param ruleId the rule's id
   * @param factType the fact's type
   * @param factId the fact's id
   * @param outcome the outcome recorded, FAIL or UNKNOWN, or {@code null} when the file did not say
   */
  public record Entry(String ruleId, FactType factType, String factId, @Nullable Outcome outcome) {

    public Entry {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(factType, "factType");
      Objects.requireNonNull(factId, "factId");
    }

    /** Writes this finding as a JSON object, alike in a baseline file and in the JSON report's comparison. */
    public void writeTo(JsonGenerator json) throws IOException {
      json.writeStartObject();
      json.writeStringField("ruleId", ruleId);
      json.writeStringField("factType", factType.wireName());
      json.writeStringField("factId", factId);
      if (outcome != null) {
        json.writeStringField("outcome", outcome.name());
      }
      json.writeEndObject();
    }
  }

  /**
   * How a report differs from a baseline.
   *
   * @param newFindings FAIL and UNKNOWN results not in the baseline
   * @param existingFindings FAIL and UNKNOWN results in the baseline
   * @param resolved recorded results that are no longer FAIL or UNKNOWN (or whose fact is gone)
   */
  public record Comparison(long newFindings, long existingFindings, List<Entry> resolved) {

    public Comparison {
      resolved = List.copyOf(resolved);
    }
  }

  private record PackRef(String id, String version) {}

  /** Checks a parsed file, collecting every problem with its place. */
  private static final class Reader {

    private final String file;
    private final List<String> problems = new ArrayList<>();

    Reader(String file) {
      this.file = file;
    }

    Baseline baseline(JsonTree root) throws BaselineException {
      Map<String, JsonTree> members = root.members();
      if (members == null) {
        throw single(at(root) + "a baseline is a JSON object, found " + root.describe() + " (" + FIX + ")");
      }
      JsonTree kind = members.get("kind");
      if (kind == null || !KIND.equals(kind.value())) {
        String found = kind == null ? "has no \"kind\"" : "has kind " + kind.describe();
        throw single(at(kind == null ? root : kind) + "not a rampart baseline: the file " + found
            + " (expected \"kind\": \"" + KIND + "\"; " + FIX + ")");
      }
      JsonTree version = members.get("schemaVersion");
      String major = SCHEMA_VERSION.substring(0, SCHEMA_VERSION.indexOf('.') + 1);
      if (version == null || !(version.value() instanceof String text) || !text.startsWith(major)) {
        String found = version == null ? "no schemaVersion" : "schemaVersion " + version.describe();
        throw single(at(version == null ? root : version) + "the baseline has " + found + "; this rampart reads "
            + major + "x (regenerate it with rampart evaluate --write-baseline FILE)");
      }
      Instant createdAt = createdAt(members.get("createdAt"));
      List<Entry> entries = findings(members.get("findings"), root);
      if (!problems.isEmpty()) {
        throw new BaselineException(problems);
      }
      JsonTree tool = members.get("tool");
      Map<String, JsonTree> toolMembers = tool == null ? null : tool.members();
      JsonTree toolVersion = toolMembers == null ? null : toolMembers.get("version");
      return new Baseline(file, createdAt, toolVersion != null && toolVersion.value() instanceof String v ? v : "",
          packs(members.get("packs")), entries);
    }

    private Instant createdAt(@Nullable JsonTree node) {
      if (node != null && node.value() instanceof String text) {
        try {
          return Instant.parse(text);
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      if (node != null) {
        problems.add(at(node) + "\"createdAt\" must be an ISO-8601 instant such as 2026-11-25T00:00:00Z, found "
            + node.describe());
      }
      return Instant.EPOCH;
    }

    private List<Entry> findings(@Nullable JsonTree node, JsonTree root) {
      if (node == null || node.items() == null) {
        problems.add(at(node == null ? root : node) + "\"findings\" must be a list of findings, found "
            + (node == null ? "nothing" : node.describe()) + " (" + FIX + ")");
        return List.of();
      }
      List<Entry> entries = new ArrayList<>();
      List<JsonTree> items = node.items();
      for (int i = 0; i < items.size(); i++) {
        Entry entry = entry(items.get(i), "findings[" + i + "]");
        if (entry != null) {
          entries.add(entry);
        }
      }
      return entries;
    }

    private @Nullable Entry entry(JsonTree node, String name) {
      Map<String, JsonTree> members = node.members();
      if (members == null) {
        problems.add(at(node) + name + " must be an object with ruleId, factType and factId, found " + node.describe());
        return null;
      }
      String ruleId = text(members, "ruleId", node, name);
      String type = text(members, "factType", node, name);
      String factId = text(members, "factId", node, name);
      FactType factType = null;
      if (type != null) {
        factType = FactType.fromWireName(type).orElse(null);
        if (factType == null) {
          problems.add(at(members.get("factType")) + name + ".factType: unknown fact type '" + type
              + "' (expected one of: " + String.join(", ",
                  Arrays.stream(FactType.values()).map(FactType::wireName).toList()) + ")");
        }
      }
      Outcome outcome = null;
      JsonTree outcomeNode = members.get("outcome");
      if (outcomeNode != null) {
        if (Outcome.FAIL.name().equals(outcomeNode.value())) {
          outcome = Outcome.FAIL;
        } else if (Outcome.UNKNOWN.name().equals(outcomeNode.value())) {
          outcome = Outcome.UNKNOWN;
        } else {
          problems.add(at(outcomeNode) + name + ".outcome must be FAIL or UNKNOWN, found " + outcomeNode.describe());
        }
      }
      if (ruleId == null || factType == null || factId == null) {
        return null;
      }
      return new Entry(ruleId, factType, factId, outcome);
    }

    private @Nullable String text(Map<String, JsonTree> members, String key, JsonTree owner, String name) {
      JsonTree node = members.get(key);
      if (node == null) {
        problems.add(at(owner) + name + ": missing \"" + key + "\" (each finding has ruleId, factType and factId)");
        return null;
      }
      if (!(node.value() instanceof String text) || text.isBlank()) {
        problems.add(at(node) + name + "." + key + " must be a non-empty string, found " + node.describe());
        return null;
      }
      return text;
    }

    private static List<PackRef> packs(@Nullable JsonTree node) {
      List<PackRef> packs = new ArrayList<>();
      List<JsonTree> items = node == null ? null : node.items();
      if (items != null) {
        for (JsonTree item : items) {
          Map<String, JsonTree> members = item.members();
          if (members != null && members.get("id") != null && members.get("id").value() instanceof String id
              && members.get("version") != null && members.get("version").value() instanceof String version) {
            packs.add(new PackRef(id, version));
          }
        }
      }
      return packs;
    }

    private String at(@Nullable JsonTree node) {
      return node == null ? file + ": " : file + ":" + node.line() + ":" + node.column() + ": ";
    }
  }
}
