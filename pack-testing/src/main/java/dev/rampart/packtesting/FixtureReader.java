package dev.rampart.packtesting;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.rampart.adapter.inventory.InventoryFileSource;
import dev.rampart.engine.Parameter;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import dev.rampart.sources.DanglingReference;
import dev.rampart.sources.FactKey;
import dev.rampart.sources.References;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.DidYouMean;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads one fixture file. The {@code facts} are read by the native inventory reader itself (its
 * {@code embeddedAt} option), so they get the same checks and the file's own line numbers; the
 * other keys are read here and checked against the pack: every rule and fact an expectation names
 * must exist.
 */
final class FixtureReader {

  /** The top-level key whose value is the fixture's inventory. */
  static final String FACTS = "facts";

  /** The evaluation time of a fixture that does not set {@code now}. */
  static final Instant DEFAULT_NOW = Instant.parse("2026-11-25T00:00:00Z");

  private static final List<String> KEYS = List.of(FACTS, "expect", "now", "parameters", "description");

  private static final YAMLFactory YAML = YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build();

  private final FixtureFile file;
  private final RulePack pack;
  private final List<String> problems = new ArrayList<>();
  private final List<Fact> facts = new ArrayList<>();
  private final Map<FactKey, Origin> origins = new LinkedHashMap<>();
  private final List<Expectation> expectations = new ArrayList<>();
  private final Map<String, Fixture.Setting> parameters = new LinkedHashMap<>();
  private final Map<String, Disabling> disabled;
  private final @Nullable LocatedPack from;
  private final List<Expectation> skipped = new ArrayList<>();
  private @Nullable String expectPlace;
  private Instant now = DEFAULT_NOW;

  private FixtureReader(FixtureFile file, RulePack pack, Map<String, Disabling> disabled, @Nullable LocatedPack from) {
    this.file = file;
    this.pack = pack;
    this.disabled = disabled;
    this.from = from;
  }

  /**
   * Reads and checks one fixture file against the pack.
   *
   * @param problems receives every mistake found, each starting with {@code file:line:column}
   * @return the fixture, or {@code null} when it has mistakes
   */
  static @Nullable Fixture read(FixtureFile file, RulePack pack, List<String> problems) {
    return read(file, pack, Map.of(), null, problems);
  }

  /**
   * Reads and checks one fixture file against the pack under test, which may be the file of one of its
   * bases: then the cases of rules the pack disabled are kept apart, to be listed as skipped; in the
   * pack's own fixtures they are mistakes.
   *
   * @param disabled the rules the pack under test disabled, by id
   * @param from the base whose fixture this is, or {@code null} for the pack's own
   * @param problems receives every mistake found, each starting with {@code file:line:column}
   * @return the fixture, or {@code null} when it has mistakes
   */
  static @Nullable Fixture read(FixtureFile file, RulePack pack, Map<String, Disabling> disabled,
      @Nullable LocatedPack from, List<String> problems) {
    FixtureReader reader = new FixtureReader(file, pack, disabled, from);
    Fixture fixture = reader.read();
    problems.addAll(reader.inFileOrder());
    return fixture;
  }

  /** The problems, those about the whole file first, then by line and column. */
  private List<String> inFileOrder() {
    Pattern located = Pattern.compile(Pattern.quote(file.name()) + ":(\\d+):(\\d+): .*", Pattern.DOTALL);
    List<String> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingLong(problem -> {
      Matcher place = located.matcher(problem);
      return place.matches() ? Long.parseLong(place.group(1)) * 1_000_000 + Long.parseLong(place.group(2)) : 0;
    }));
    return sorted;
  }

  private @Nullable Fixture read() {
    boolean factsRead = readFacts();
    readTheRest(factsRead);
    if (factsRead) {
      checkFacts();
    }
    checkParameterNames();
    if (!problems.isEmpty()) {
      return null;
    }
    return new Fixture(file, facts, origins, expectations, now, parameters, skipped, from);
  }

  private boolean readFacts() {
    List<Fact> read = new ArrayList<>();
    List<Origin> where = new ArrayList<>();
    try {
      InventoryFileSource.embedded(file.path(), FACTS).read((fact, origin) -> {
        read.add(fact);
        where.add(origin);
      });
    } catch (SourceException e) {
      e.problems().forEach(problem -> problems.add(file.rename(problem)));
      return false;
    }
    for (int i = 0; i < read.size(); i++) {
      Origin origin = where.get(i);
      facts.add(read.get(i));
      origins.put(FactKey.of(read.get(i)),
          new Origin(origin.sourceId(), file.rename(origin.location()), origin.line(), origin.column()));
    }
    // as in 'rampart evaluate', a reference to a fact that is not there is a mistake, not a test of UNKNOWN
    for (DanglingReference dangling : References.dangling(facts)) {
      problems.add(file.name() + ": " + FACTS + ": " + dangling.describe());
    }
    return true;
  }

  /** Reads every top-level key but {@code facts}, which the inventory reader has read. */
  private void readTheRest(boolean factsRead) {
    InputStream bytes;
    try {
      bytes = InputFiles.open(file.path(), Long.MAX_VALUE);
    } catch (InputFileException e) {
      if (factsRead) {
        problems.add(e.cannotRead(file.name(), "a fixture file"));
      }
      return;
    }
    try (Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8);
        JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return; // the inventory reader has said what the file should look like
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String keyPlace = place(parser);
        parser.nextToken();
        switch (key) {
          case "expect" -> {
            expectPlace = keyPlace;
            readExpect(parser, keyPlace);
          }
          case "now" -> readNow(parser);
          case "parameters" -> readParameters(parser, keyPlace);
          case FACTS, "description" -> parser.skipChildren();
          default -> {
            problems.add(keyPlace + ": unknown top-level key '" + key + "' ("
                + DidYouMean.hint(key, KEYS, "valid keys: " + String.join(", ", KEYS)) + ")");
            parser.skipChildren();
          }
        }
      }
    } catch (JsonProcessingException e) {
      // The inventory reader read the same text and reported what is wrong with it; say it only if it did not.
      if (factsRead) {
        JsonLocation at = e.getLocation();
        String where = at == null ? file.name() : file.name() + ":" + at.getLineNr() + ":" + at.getColumnNr();
        problems.add(where + ": " + e.getOriginalMessage());
      }
      return;
    } catch (IOException e) {
      if (factsRead) {
        problems.add(file.name() + ": cannot be read: " + e.getMessage());
      }
      return;
    }
    if (expectPlace == null) {
      problems.add(file.name() + ": no 'expect' section (say which outcome each rule gives each fact,"
          + " e.g. expect: {IDN-001: {cam-01: PASS}})");
    }
  }

  private void readExpect(JsonParser parser, String keyPlace) throws IOException {
    if (!parser.hasToken(JsonToken.START_OBJECT)) {
      problems.add(keyPlace + ": expect: expected rule ids with their cases but found " + found(parser)
          + " (write e.g. expect: {IDN-001: {cam-01: PASS}})");
      parser.skipChildren();
      return;
    }
    int before = expectations.size();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String ruleId = parser.currentName();
      String rulePlace = place(parser);
      parser.nextToken();
      Disabling disabling = pack.rule(ruleId).isEmpty() ? disabled.get(ruleId) : null;
      if (disabling != null && from == null) {
        problems.add(rulePlace + ": expect: rule '" + ruleId + "' is disabled by " + disabling.by(pack.id())
            + " (reason: " + disabling.rule().reason() + "): remove the fixture or enable the rule");
        parser.skipChildren();
        continue;
      }
      if (pack.rule(ruleId).isEmpty() && disabling == null) {
        List<String> ruleIds = pack.rules().stream().map(Rule::id).toList();
        problems.add(rulePlace + ": expect: pack " + pack.id() + " has no rule '" + ruleId + "' ("
            + DidYouMean.hint(ruleId, ruleIds, ruleIds.isEmpty() ? "it has no rules"
                : "its rules are " + ruleIds.get(0) + " ... " + ruleIds.get(ruleIds.size() - 1)) + ")");
        parser.skipChildren();
        continue;
      }
      if (!parser.hasToken(JsonToken.START_OBJECT)) {
        problems.add(rulePlace + ": expect." + ruleId + ": expected fact ids with outcomes but found " + found(parser)
            + " (write e.g. " + ruleId + ": {cam-01: PASS, cam-02: FAIL})");
        parser.skipChildren();
        continue;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String factId = parser.currentName();
        String factPlace = place(parser);
        parser.nextToken();
        Outcome outcome = outcome(parser, "expect." + ruleId + "." + factId);
        if (outcome != null) {
          (disabling == null ? expectations : skipped).add(new Expectation(ruleId, factId, outcome, factPlace));
        }
      }
    }
    if (expectations.size() == before && skipped.isEmpty() && problems.isEmpty()) {
      problems.add(keyPlace + ": expect: lists no cases (write e.g. expect: {IDN-001: {cam-01: PASS}})");
    }
  }

  private @Nullable Outcome outcome(JsonParser parser, String where) throws IOException {
    String valuePlace = place(parser);
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      problems.add(valuePlace + ": " + where + ": expected an outcome but found " + found(parser) + " (" + outcomes() + ")");
      parser.skipChildren();
      return null;
    }
    String text = parser.getText();
    for (Outcome outcome : Outcome.values()) {
      if (outcome.name().equals(text)) {
        return outcome;
      }
    }
    String upper = text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    String hint = Arrays.stream(Outcome.values()).map(Outcome::name).filter(upper::equals).findFirst()
        .map(name -> "did you mean '" + name + "'?")
        .orElseGet(() -> DidYouMean.hint(upper, names(), outcomes()));
    problems.add(valuePlace + ": " + where + ": unknown outcome '" + text + "' (" + hint + ")");
    return null;
  }

  private void readNow(JsonParser parser) throws IOException {
    String valuePlace = place(parser);
    JsonToken token = parser.currentToken();
    String text = token.isScalarValue() && token != JsonToken.VALUE_NULL ? parser.getText() : null;
    String shape = found(parser);
    parser.skipChildren();
    try {
      if (text != null) {
        now = text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        return;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(valuePlace + ": now: " + (text == null ? "expected an ISO-8601 instant or a date but found " + shape
        : "'" + text + "' is neither an ISO-8601 instant nor a date")
        + " (write e.g. 2026-11-25T00:00:00Z, or 2026-11-25 for the start of that day in UTC)");
  }

  private void readParameters(JsonParser parser, String keyPlace) throws IOException {
    if (!parser.hasToken(JsonToken.START_OBJECT)) {
      problems.add(keyPlace + ": parameters: expected names with values but found " + found(parser)
          + " (write e.g. parameters: {certExpiryWarning: P60D})");
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String namePlace = place(parser);
      JsonToken token = parser.nextToken();
      String value = null;
      List<String> list = null;
      String shape = found(parser);
      if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
        value = parser.getText();
      } else if (token == JsonToken.START_ARRAY) {
        List<String> items = new ArrayList<>();
        boolean plain = true;
        for (JsonToken item = parser.nextToken(); item != null && item != JsonToken.END_ARRAY; item = parser.nextToken()) {
          if (item.isScalarValue() && item != JsonToken.VALUE_NULL) {
            items.add(parser.getText());
          } else {
            plain = false;
            parser.skipChildren();
          }
        }
        value = plain ? String.join(",", items) : null;
        list = plain ? List.copyOf(items) : null;
        shape = "a list with an empty or nested entry";
      } else {
        parser.skipChildren();
      }
      if (value == null) {
        problems.add(namePlace + ": parameters." + name + ": expected a value (text, a number, true/false or a list of"
            + " values) but found " + shape);
      } else {
        parameters.put(name, new Fixture.Setting(name, value, list, namePlace));
      }
    }
  }

  /** Every fact an expectation names must exist, among the facts of its rule's target type. */
  private void checkFacts() {
    for (Expectation expectation : expectations) {
      Rule rule = pack.rule(expectation.ruleId()).orElseThrow();
      if (origins.containsKey(new FactKey(rule.target(), expectation.factId()))) {
        continue;
      }
      List<String> known = origins.keySet().stream().filter(k -> k.type() == rule.target()).map(FactKey::id).toList();
      String type = rule.target().wireName();
      problems.add(expectation.place() + ": expect." + expectation.ruleId() + ": no " + type + " with id '"
          + expectation.factId() + "' in " + FACTS + " (rule " + expectation.ruleId() + " is evaluated for each "
          + type + "; " + DidYouMean.hint(expectation.factId(), known,
              known.isEmpty() ? "add a " + type + " to " + FACTS : "check the id") + ")");
    }
  }

  private void checkParameterNames() {
    List<String> declared = pack.parameters().stream().map(Parameter::name).toList();
    for (Fixture.Setting setting : parameters.values()) {
      if (!declared.contains(setting.name())) {
        problems.add(setting.place() + ": parameters: pack " + pack.id() + " has no parameter '" + setting.name() + "' ("
            + DidYouMean.hint(setting.name(), declared, declared.isEmpty() ? "it declares none"
                : "it declares " + String.join(", ", new TreeSet<>(declared))) + ")");
      }
    }
  }

  private String place(JsonParser parser) {
    JsonLocation at = parser.currentTokenLocation();
    return file.name() + ":" + at.getLineNr() + ":" + Math.max(1, at.getColumnNr());
  }

  private static String found(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null || token == JsonToken.VALUE_NULL) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "'" + parser.getText() + "'";
      default -> parser.getText();
    };
  }

  private static List<String> names() {
    return Arrays.stream(Outcome.values()).map(Outcome::name).toList();
  }

  private static String outcomes() {
    return "one of " + Arrays.stream(Outcome.values()).map(Outcome::name).collect(Collectors.joining(", "));
  }
}
