package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Rule;
import dev.rampart.spi.fact.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text in a pack is data, never code: packs are compiled to the Drools executable model as typed
 * values, so DRL, Java, MVEL and shell written into any field is either refused with a problem or
 * kept verbatim. Each payload, if it ran, would set the system property {@value #PWNED}, create the
 * marker file, or end the JVM (which would fail the whole test run).
 */
class PackInjectionTest {

  static final String PWNED = "rampart.pwned";

  @TempDir static Path dir;

  private static Path marker;

  @BeforeEach
  void noMarkerYet() {
    marker = dir.resolve("PWNED");
    System.clearProperty(PWNED);
  }

  @AfterEach
  void nothingRan() {
    assertNull(System.getProperty(PWNED), "a payload set a system property");
    assertFalse(Files.exists(marker), "a payload created " + marker);
  }

  static Stream<String> payloads() {
    String touch = "touch " + dir.resolve("PWNED");
    return Stream.of(
        "rule \"x\" when then System.exit(1); end",
        "end\nrule \"y\"\nwhen\nthen\n  System.setProperty(\"" + PWNED + "\", \"1\");\nend",
        "\"); Runtime.getRuntime().exec(\"" + touch + "\"); //",
        "'); java.lang.Runtime.getRuntime().exec(new String[]{\"sh\", \"-c\", \"" + touch + "\"}); ('",
        "${java.lang.System.setProperty('" + PWNED + "','1')}",
        "${T(java.lang.Runtime).getRuntime().exec('" + touch + "')}",
        "@{java.lang.System.setProperty('" + PWNED + "','1')}",
        "#{T(java.lang.System).setProperty('" + PWNED + "','1')}",
        "$(" + touch + ")",
        "`" + touch + "`",
        "; " + touch + " #",
        "System.exit(1)",
        "'; DROP TABLE rules; --",
        "\" + System.setProperty(\"" + PWNED + "\", \"1\") + \"",
        "\u0000\u001b[2J\ttab\r\nline");
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void freeTextIsKeptVerbatimInTheRuleAndComparedAsText(String payload) throws PackLoadException {
    RulePack pack = RulePacks.parse(pack(payload, """
        - id: INJ-001
          title: %1$s
          rationale: %1$s
          category: identity
          severity: high
          target: device
          assert: {field: name, notEquals: %1$s}
          message: The device has the forbidden name
          remediation: %1$s
          requirements: [%1$s]
          references: {%1$s: [%1$s]}
        """), "pack.yaml");

    Rule rule = pack.rules().get(0);
    assertEquals(List.of(payload, payload, payload, payload),
        List.of(pack.title(), rule.title(), rule.rationale(), rule.remediation()));
    assertEquals(List.of(payload), rule.requirements());
    assertEquals(List.of(payload), rule.references().get(payload));
    RuleResult result = evaluate(pack, Device.builder("cam-01").name(payload).build()).get(0);
    assertEquals(Outcome.FAIL, result.outcome(), "the payload was compared as text with the device's name");
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aMessageKeepsThePayloadAsTextUnlessItIsAPlaceholderThatNamesNoField(String payload) {
    String pack = pack(payload, """
        - id: INJ-002
          title: Model is known
          category: identity
          severity: high
          target: device
          assert: {field: model, exists: true}
          message: %1$s
        """).replace("message: \"", "message: \"before ${name} after ");
    Device device = Device.builder("cam-01").name(payload).build();
    if (payload.contains("${")) {
      PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, "pack.yaml"));
      assertTrue(e.getMessage().contains("pack.yaml:11:") && e.getMessage().contains("unknown field"), e.getMessage());
    } else {
      RuleResult result = assertDoesNotThrow(() -> evaluate(RulePacks.parse(pack, "pack.yaml"), device)).get(0);
      assertEquals("before " + payload + " after " + payload, result.message());
    }
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aPayloadAsAFieldNameIsAnUnknownField(String payload) {
    PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.parse(pack(payload, """
        - id: INJ-003
          title: Field
          category: identity
          severity: high
          target: device
          assert: {field: %1$s, exists: true}
        """), "pack.yaml"));
    assertTrue(e.getMessage().contains("pack.yaml:10:") && e.getMessage().contains("unknown field"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aPayloadAsAnIdIsAnInvalidId(String payload) {
    PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.parse(pack(payload, """
        - id: %1$s
          title: Id
          category: identity
          severity: high
          target: device
          assert: {field: name, exists: true}
        """), "pack.yaml"));
    assertTrue(e.getMessage().contains("pack.yaml:5:") && e.getMessage().contains("invalid rule id"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aPayloadAsAParameterIsTextOrAnInvalidName(String payload) throws PackLoadException {
    RulePack pack = RulePacks.parse(pack(payload, """
        - id: INJ-005
          title: Parameter
          category: identity
          severity: high
          target: device
          assert: {field: name, notEquals: {param: forbiddenName}}
        """).replace("rules:\n", "parameters:\n  forbiddenName: {type: string, default: %s}\nrules:\n".formatted(quoted(payload))),
        "pack.yaml");
    Device device = Device.builder("cam-01").name(payload).build();
    assertEquals(Outcome.FAIL, evaluate(pack, device).get(0).outcome());

    ComplianceEngine overridden = ComplianceEngine.builder().pack(pack).parameter("forbiddenName", "x" + payload).build();
    assertEquals(Outcome.PASS, overridden.evaluate(List.of(device)).results().get(0).outcome());
    PackLoadException e = assertThrows(PackLoadException.class,
        () -> ComplianceEngine.builder().pack(pack).parameter(payload, "1").build());
    assertTrue(e.getMessage().contains("unknown parameter"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aPayloadAsARegularExpressionIsOnlyEverMatched(String payload) {
    try {
      RulePack pack = RulePacks.parse(pack(payload, """
          - id: INJ-006
            title: Pattern
            category: identity
            severity: high
            target: device
            assert: {field: name, matches: %1$s}
          """), "pack.yaml");
      evaluate(pack, Device.builder("cam-01").name(payload).build());
    } catch (PackLoadException e) {
      assertTrue(e.getMessage().contains("invalid regular expression"), e.getMessage());
    }
  }

  @Test
  void aRegularExpressionThatBacktracksElsewhereRunsInLinearTime() throws PackLoadException {
    RulePack pack = RulePacks.parse(pack("", """
        - id: RE-001
          title: Nested quantifiers
          category: identity
          severity: high
          target: device
          assert:
            any:
              - {field: name, matches: "^(a+)+$"}
              - {field: name, matches: "^(a|aa)*c$"}
              - {field: name, matches: "(.*a){20}b"}
              - {field: name, matches: "^([a-z0-9]+)*@"}
        """), "pack.yaml");
    Device device = Device.builder("cam-01").name("a".repeat(100_000) + "!").build();

    List<RuleResult> results = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> evaluate(pack, device));

    assertEquals(Outcome.FAIL, results.get(0).outcome());
  }

  @Test
  void aRegularExpressionThatWouldCompileToAHugeProgramIsRefused() {
    PackLoadException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(PackLoadException.class,
        () -> RulePacks.parse(pack("", """
            - id: RE-002
              title: Nested counts
              category: identity
              severity: high
              target: device
              assert: {field: name, matches: "((a{1000}){1000}){1000}"}
            """), "pack.yaml")));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:36: rule RE-002: 'matches' on 'name': regular expression '((a{1000}){1000}){1000}' repeats too \
        much: its counted repetitions multiply to more than 1000 (RE2 allows at most 1000 repetitions, nested ones \
        multiplied together; use + or * for repetition without a bound)""",
        String.join("\n", e.getMessage().lines().toList()));
  }

  @Test
  void aRegularExpressionThatConcatenatesCountedRepetitionsIsRefusedBeforeItCompiles() {
    // 980 KB of '.{1000}': no repetition is nested, but the program would hold 140 million instructions
    String pattern = ".{1000}".repeat(140_000);
    PackLoadException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(PackLoadException.class,
        () -> RulePacks.parse(pack("", """
            - id: RE-003
              title: Concatenated counts
              category: identity
              severity: high
              target: device
              assert: {field: name, matches: "%s"}
            """.formatted(pattern)), "pack.yaml")));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:10:36: rule RE-003: 'matches' on 'name': regular expression '.{1000}.{1000}.{1000}.{1000}.{1000}\
        .{1000}.{1000}.{1000}.{10...' (980000 characters) is too large: it compiles to about 140,140,001 \
        instructions, more than the 100,000 allowed (a counted repetition copies what it repeats ('.{1000}' is 1000 \
        copies of '.'): use + or * where no exact count is needed, or split the pattern over several conditions)""",
        String.join("\n", e.getMessage().lines().toList()));
  }

  @Test
  void theRegularExpressionsOfAPackAreBoundedTogether() {
    // each pattern is under the bound of one, eleven of them are over the bound of a pack
    StringBuilder rules = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      rules.append("""
          - id: RE-1%02d
            title: Large
            category: identity
            severity: high
            target: device
            assert: {field: name, matches: "%s"}
          """.formatted(i, ".{1000}".repeat(95)));
    }
    PackLoadException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(PackLoadException.class,
        () -> RulePacks.parse(pack("", rules.toString()), "pack.yaml")));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:70:36: rule RE-111: the regular expressions of this pack compile to more than 1,000,000 \
        instructions in all (use + or * instead of large counted repetitions ('.{1000}' is 1000 instructions), or \
        split the rules over several packs)""",
        String.join("\n", e.getMessage().lines().toList()));
  }

  @Test
  void aTextTooLongForItsPatternIsAnErrorNamingTheFieldAndItsLength() throws PackLoadException {
    RulePack pack = RulePacks.parse(pack("", """
        - id: RE-004
          title: Large pattern
          category: identity
          severity: high
          target: device
          assert: {field: name, matches: "%s"}
        """.formatted(".{1000}".repeat(50))), "pack.yaml");
    Device device = Device.builder("cam-01").name("a".repeat(200_000)).build();

    List<RuleResult> results = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> evaluate(pack, device));

    assertEquals(Outcome.ERROR, results.get(0).outcome());
    assertEquals("evaluation failed: name: 'name' is 200,000 characters long, too long to match against '.{1000}.{1000}"
        + ".{1000}.{1000}.{1000}.{1000}.{1000}.{1000}.{10...' (350 characters): a pattern of 50,002 instructions"
        + " matches at most 999 characters (shorten the value, or simplify the pattern so it compiles to fewer"
        + " instructions)", results.get(0).message());
  }

  @Test
  void theTimeLimitStopsLongMatchesWithinABatch() throws PackLoadException {
    // 600 matches of half a second each: without the interruption, minutes within one batch
    RulePack pack = RulePacks.parse(pack("", """
        - id: RE-005
          title: Large pattern
          category: identity
          severity: high
          target: device
          assert: {field: name, matches: "%sz"}
        """.formatted(".{1000}".repeat(50))), "pack.yaml");
    List<Device> devices = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      devices.add(Device.builder(String.format("cam-%03d", i)).name(String.format("%03d", i) + "a".repeat(990)).build());
    }
    ComplianceEngine engine = ComplianceEngine.builder().pack(pack).timeLimit(Duration.ofSeconds(1)).build();

    Report report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> engine.evaluate(devices));

    // the match cut short stops the whole shard: none of its facts is reported, rather than one as an ERROR
    assertEquals(java.util.Optional.of("stopped at the time limit of PT1S: 0 of 600 facts evaluated"),
        report.incompleteReason());
    assertEquals(0, report.resultCount());
    assertFalse(Thread.currentThread().isInterrupted(), "the caller's thread was left interrupted");
  }

  /** A pack with the payload as its title and the given rules, in which %1$s stands for the payload, quoted. */
  private static String pack(String payload, String rules) {
    String quoted = quoted(payload);
    return """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: injection, version: "1.0", title: %s}
        rules:
        """.formatted(payload.isEmpty() ? "Injection" : quoted)
        + rules.indent(2).replace("%1$s", quoted);
  }

  /** A YAML double-quoted scalar holding exactly the given text. */
  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
      }
    }
    return quoted.append('"').toString();
  }

  private static List<RuleResult> evaluate(RulePack pack, Device device) throws PackLoadException {
    ComplianceEngine engine = ComplianceEngine.builder()
        .pack(pack)
        .clock(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .build();
    return engine.evaluate(List.of(device)).results();
  }
}
