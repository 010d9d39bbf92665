package dev.rampart.bench.jmh;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.PackLoadException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The peer: twenty per-device rules of {@code iot-baseline} written as Google CEL expressions over
 * plain maps, evaluated with the same four outcomes as Rampart. A rule's {@code when} and
 * {@code assert} are separate programs; a CEL error (a missing key) is UNKNOWN, which CEL's
 * error-absorbing {@code &&}, {@code ||} and {@code exists} propagate as Rampart's Kleene logic does.
 *
 * <p>The rules cover booleans, enum sets, quantifiers over services (nested over TLS versions),
 * instants, dates against a parameter, versions (through a {@code versionAtLeast} function, as a
 * CEL user would add one) and existence checks.
 */
final class CelPeer {

  private static final String IN_SERVICE =
      "(!has(d.lifecycle) || !has(d.lifecycle.status) || d.lifecycle.status != 'retired')";
  private static final String LIVE = "(!has(s.state) || s.state == 'open')";

  /** Rule id to {when, assert}; a null when means the rule applies to every device in service. */
  static final Map<String, String[]> RULES = rules();

  private final List<String> ids = new ArrayList<>(RULES.keySet());
  private final CelRuntime.Program[] whens;
  private final CelRuntime.Program[] asserts;
  private final Map<String, Object> variables = new HashMap<>();

  CelPeer(Instant now) {
    CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("d", MapType.create(SimpleType.STRING, SimpleType.DYN))
        .addVar("now", SimpleType.INT)
        .addVar("weakTls", ListType.create(SimpleType.STRING))
        .addVar("maxFirmwareAge", SimpleType.INT)
        .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("versionAtLeast",
            CelOverloadDecl.newGlobalOverload("versionAtLeast_string_string", SimpleType.BOOL, SimpleType.STRING,
                SimpleType.STRING)))
        .build();
    CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
        .addFunctionBindings(CelFunctionBinding.from("versionAtLeast_string_string", String.class, String.class,
            CelPeer::versionAtLeast))
        .build();
    whens = new CelRuntime.Program[ids.size()];
    asserts = new CelRuntime.Program[ids.size()];
    try {
      for (int i = 0; i < ids.size(); i++) {
        String[] rule = RULES.get(ids.get(i));
        String when = rule[0] == null ? IN_SERVICE : "(" + rule[0] + ") && " + IN_SERVICE;
        whens[i] = runtime.createProgram(compile(compiler, when));
        asserts[i] = runtime.createProgram(compile(compiler, rule[1]));
      }
    } catch (CelEvaluationException e) {
      throw new IllegalStateException(e);
    }
    variables.put("now", now.getEpochSecond());
    variables.put("weakTls", List.of("ssl2", "ssl3", "1.0", "1.1"));
    variables.put("maxFirmwareAge", Duration.ofDays(365).toSeconds());
  }

  /** The rule ids, in the order outcomes are written. */
  List<String> ids() {
    return ids;
  }

  /**
   * Evaluates every rule for every device, writing one outcome ordinal per rule and device into
   * {@code outcomes} (rule-major), so the peer keeps a result for each pair as Rampart does.
   */
  void evaluate(List<Map<String, Object>> devices, byte[] outcomes) {
    Map<String, Object> input = new HashMap<>(variables);
    int n = devices.size();
    for (int d = 0; d < n; d++) {
      input.put("d", devices.get(d));
      for (int r = 0; r < asserts.length; r++) {
        outcomes[r * n + d] = (byte) outcome(whens[r], asserts[r], input).ordinal();
      }
    }
  }

  /** A pack holding exactly these rules: iot-baseline with every other rule disabled. */
  static RulePack rampartSubset() throws PackLoadException {
    RulePack baseline = RulePacks.builtin("iot-baseline");
    Set<String> kept = RULES.keySet();
    StringBuilder yaml = new StringBuilder("""
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata:
          id: cel-subset
          version: "1.0.0"
          title: The iot-baseline rules the CEL peer also checks
        extends: iot-baseline
        disable:
        """);
    baseline.rules().stream().map(rule -> rule.id()).filter(id -> !kept.contains(id))
        .forEach(id -> yaml.append("  - rule: ").append(id).append("\n    reason: not in the CEL subset\n"));
    return RulePacks.parse(yaml.toString(), "cel-subset.yaml");
  }

  private static Outcome outcome(CelRuntime.Program when, CelRuntime.Program assertion, Map<String, Object> input) {
    Boolean applies = truth(when, input);
    if (Boolean.FALSE.equals(applies)) {
      return Outcome.NOT_APPLICABLE;
    }
    Boolean holds = truth(assertion, input);
    if (Boolean.TRUE.equals(holds)) {
      return Outcome.PASS;
    }
    return applies == null || holds == null ? Outcome.UNKNOWN : Outcome.FAIL;
  }

  /** TRUE, FALSE, or null for UNKNOWN: the expression needed a key the device does not have. */
  private static @Nullable Boolean truth(CelRuntime.Program program, Map<String, Object> input) {
    try {
      return (Boolean) program.eval(input);
    } catch (CelEvaluationException e) {
      return null;
    }
  }

  private static CelAbstractSyntaxTree compile(CelCompiler compiler, String expression) {
    try {
      return compiler.compile(expression).getAst();
    } catch (CelValidationException e) {
      throw new IllegalStateException("CEL: " + expression + ": " + e.getMessage(), e);
    }
  }

  /** Dotted numeric versions compared part by part, missing parts being 0 (4.2 is 4.2.0). */
  static boolean versionAtLeast(String version, String minimum) {
    String[] a = version.split("\\.");
    String[] b = minimum.split("\\.");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      long x = i < a.length ? Long.parseLong(a[i]) : 0;
      long y = i < b.length ? Long.parseLong(b[i]) : 0;
      if (x != y) {
        return x > y;
      }
    }
    return true;
  }

  private static Map<String, String[]> rules() {
    Map<String, String[]> rules = new LinkedHashMap<>();
    rules.put("PRC-001", new String[] {null, "d.hardware.rootOfTrust == true"});
    rules.put("PRC-002", new String[] {null, "d.hardware.secureBoot == true"});
    rules.put("PRC-004", new String[] {null,
        "!d.services.exists(s, " + LIVE + " && s.tls == true && s.tlsVersions.exists(v, v in weakTls))"});
    rules.put("PRC-006", new String[] {"d.wireless.enabled == true", "d.wireless.security in ['wpa2', 'wpa3']"});
    rules.put("IDN-001", new String[] {null, "d.credentials.defaultPassword == false"});
    rules.put("IDN-002", new String[] {null, "d.credentials.sharedPassword == false"});
    rules.put("IDN-006", new String[] {null, "d.credentials.authMethod == 'certificate'"});
    rules.put("IDN-012", new String[] {"has(d.credentials) && has(d.credentials.certificate)",
        "d.credentials.certificate.notAfter > now"});
    rules.put("PAT-001", new String[] {null, "d.ota.enabled == true"});
    rules.put("PAT-002", new String[] {"d.ota.enabled == true", "d.ota.signedImages == true && d.ota.integrityCheck == true"});
    rules.put("PAT-006", new String[] {null, "d.lifecycle.endOfSupport > now"});
    rules.put("PAT-008", new String[] {null, "d.firmware.releaseDate > now - maxFirmwareAge"});
    rules.put("PAT-009", new String[] {null, "versionAtLeast(d.firmware.version, d.firmware.latestVersion)"});
    rules.put("MON-003", new String[] {null, "d.monitoring.anomalyDetection == true"});
    rules.put("MON-004", new String[] {null, "d.monitoring.siem == true"});
    rules.put("INT-001", new String[] {null, "!d.services.exists(s, " + LIVE + " && s.authRequired == false)"});
    rules.put("INT-005", new String[] {null,
        "!d.services.exists(s, " + LIVE + " && (s.port in [23, 2323] || s.protocol == 'telnet'))"});
    rules.put("DAT-001", new String[] {"d.data.sensitiveData == true || d.data.personalData == true",
        "d.data.encryptedInTransit == true"});
    rules.put("RES-003", new String[] {"d.criticality in ['high', 'critical']", "d.resilience.fallbackMode == true"});
    rules.put("OPS-002", new String[] {null, "has(d.owner)"});
    return rules;
  }
}
