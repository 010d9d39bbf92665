package dev.rampart.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iot-baseline answers for every audit check of AWS IoT Device Defender: a rule that is its equivalent, or
 * the reason no rule can be (the checks as AWS's developer guide lists them, "Audit checks").
 */
class DeviceDefenderParityTest {

  private static final String FRAMEWORK = "aws-iot-device-defender";

  private static final List<String> AUDIT_CHECKS = List.of(
      "DEVICE_CERTIFICATE_EXPIRING_CHECK", "DEVICE_CERTIFICATE_KEY_QUALITY_CHECK", "DEVICE_CERTIFICATE_SHARED_CHECK",
      "DEVICE_CERTIFICATE_AGE_CHECK", "REVOKED_DEVICE_CERTIFICATE_STILL_ACTIVE_CHECK",
      "INTERMEDIATE_CA_REVOKED_FOR_ACTIVE_DEVICE_CERTIFICATES_CHECK", "REVOKED_CA_CERTIFICATE_STILL_ACTIVE_CHECK",
      "CA_CERTIFICATE_EXPIRING_CHECK", "CA_CERTIFICATE_KEY_QUALITY_CHECK", "IOT_POLICY_OVERLY_PERMISSIVE_CHECK",
      "IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK", "CONFLICTING_CLIENT_IDS_CHECK",
      "IOT_ROLE_ALIAS_OVERLY_PERMISSIVE_CHECK", "IOT_ROLE_ALIAS_ALLOWS_ACCESS_TO_UNUSED_SERVICES_CHECK",
      "UNAUTHENTICATED_COGNITO_ROLE_OVERLY_PERMISSIVE_CHECK", "AUTHENTICATED_COGNITO_ROLE_OVERLY_PERMISSIVE_CHECK",
      "LOGGING_DISABLED_CHECK");

  private static RulePack pack;
  private static Framework defender;

  @BeforeAll
  static void load() throws PackLoadException {
    pack = RulePacks.builtin("iot-baseline");
    defender = pack.framework(FRAMEWORK).orElseThrow();
  }

  @Test
  void thePackDeclaresEveryAuditCheckAndNoOther() {
    assertEquals(new TreeSet<>(AUDIT_CHECKS), new TreeSet<>(defender.controls().keySet()));
  }

  @Test
  void everyAuditCheckHasItsRulesOrTheReasonThereIsNone() {
    Map<String, String> answers = new TreeMap<>();
    for (String check : AUDIT_CHECKS) {
      List<String> rules = citing(check);
      String reason = defender.notCovered().get(check);
      if (rules.isEmpty() == (reason == null)) {
        answers.put(check, rules.isEmpty() ? "neither a rule nor a reason" : "rules " + rules + " and a reason");
      }
    }
    assertEquals(Map.of(), answers);
  }

  @Test
  void eachCheckIsAnsweredByTheRulesMadeForIt() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("DEVICE_CERTIFICATE_EXPIRING_CHECK", "[IDN-020]");
    expected.put("DEVICE_CERTIFICATE_KEY_QUALITY_CHECK", "not covered");
    expected.put("DEVICE_CERTIFICATE_SHARED_CHECK", "[IDN-004]");
    expected.put("DEVICE_CERTIFICATE_AGE_CHECK", "[IDN-023]");
    expected.put("REVOKED_DEVICE_CERTIFICATE_STILL_ACTIVE_CHECK", "[IDN-021]");
    expected.put("INTERMEDIATE_CA_REVOKED_FOR_ACTIVE_DEVICE_CERTIFICATES_CHECK", "[IDN-022]");
    expected.put("REVOKED_CA_CERTIFICATE_STILL_ACTIVE_CHECK", "[IDN-025]");
    expected.put("CA_CERTIFICATE_EXPIRING_CHECK", "[IDN-026]");
    expected.put("CA_CERTIFICATE_KEY_QUALITY_CHECK", "not covered");
    expected.put("IOT_POLICY_OVERLY_PERMISSIVE_CHECK", "[IDN-016]");
    expected.put("IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK", "[IDN-024]");
    expected.put("CONFLICTING_CLIENT_IDS_CHECK", "not covered");
    expected.put("IOT_ROLE_ALIAS_OVERLY_PERMISSIVE_CHECK", "[IDN-027]");
    expected.put("IOT_ROLE_ALIAS_ALLOWS_ACCESS_TO_UNUSED_SERVICES_CHECK", "[IDN-028]");
    expected.put("UNAUTHENTICATED_COGNITO_ROLE_OVERLY_PERMISSIVE_CHECK", "[IDN-029]");
    expected.put("AUTHENTICATED_COGNITO_ROLE_OVERLY_PERMISSIVE_CHECK", "[IDN-030]");
    expected.put("LOGGING_DISABLED_CHECK", "[MON-005]");

    Map<String, String> actual = new LinkedHashMap<>();
    AUDIT_CHECKS.forEach(check -> actual.put(check,
        defender.notCovered().containsKey(check) ? "not covered" : citing(check).toString()));
    assertEquals(expected, actual);
  }

  @Test
  void theParametersStartFromAwssDefaults() {
    Map<String, String> defaults = new TreeMap<>();
    pack.parameters().stream()
        .filter(p -> List.of("certExpiryWarning", "maxCertificateAge", "caCertExpiryWarning", "unusedServicePeriod")
            .contains(p.name()))
        .forEach(p -> defaults.put(p.name(), p.defaultValue() + " (" + p.minimumValue().orElse("") + ".."
            + p.maximumValue().orElse("") + ")"));

    assertEquals(Map.of(
        "certExpiryWarning", "P30D (P0D..P2Y)",
        "maxCertificateAge", "P365D (P30D..P3652D)",
        "caCertExpiryWarning", "P30D (P0D..P2Y)",
        "unusedServicePeriod", "P365D (P30D..P400D)"), defaults);
  }

  private static List<String> citing(String check) {
    List<String> rules = new ArrayList<>();
    for (Rule rule : pack.rules()) {
      if (rule.references().getOrDefault(FRAMEWORK, List.of()).contains(check)) {
        rules.add(rule.id());
      }
    }
    return rules;
  }
}
