package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.value.Rule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A tailored pack states how it changes its base (the statement of applicability): the base and its
 * version, each parameter whose default it changes with the base's default, the parameters and rules
 * it adds. A pack that extends none has no tailoring.
 */
class PackTailoringTest {

  private static final String SITE = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: acme-site, version: "1.0", title: ACME site policy}
      extends: test-baseline
      parameters:
        certExpiryWarning: {default: P60D}
        minRsaKeySize: {default: 2048}
        siteCode: {type: string, default: HBW}
      disable:
        - rule: IDN-006
          reason: "PSK by design on the legacy line; compensating control CC-12"
      rules:
        - id: ACME-001
          title: Device is labelled with the site code
          category: operations
          severity: low
          target: device
          assert: {field: attributes.site, equals: {param: siteCode}}
      """;

  @Test
  void aTailoredPackNamesItsBaseTheDefaultsItChangesAndWhatItAdds() throws Exception {
    PackTailoring tailoring = RulePacks.parse(SITE, "site.yaml").tailoring().orElseThrow();

    assertEquals("test-baseline 1.0", tailoring.baseId() + " " + tailoring.baseVersion());
    assertEquals(List.of(new PackTailoring.ChangedParameter("certExpiryWarning", "P30D", "P60D")),
        tailoring.changedParameters(), "a default given again unchanged (minRsaKeySize) is no change");
    assertEquals(List.of("siteCode = HBW"),
        tailoring.addedParameters().stream().map(p -> p.name() + " = " + p.defaultValue()).toList());
    assertEquals(List.of("acme-site/ACME-001"),
        tailoring.addedRules().stream().map(Rule::ruleId).map(Object::toString).toList());
  }

  @Test
  void aPackThatExtendsNoneIsNotTailored() throws Exception {
    assertEquals(Optional.empty(), RulePacks.builtin("test-baseline").tailoring());
  }

  @Test
  void aPackThatExtendsATailoredPackStatesItsChangesAgainstThatPack() throws Exception {
    RulePack pack = RulePacks.load(java.nio.file.Path.of(
        "src/test/resources/dev/rampart/engine/load/tailoring/deep-2.yaml"));

    PackTailoring tailoring = pack.tailoring().orElseThrow();

    assertEquals(pack.base(), Optional.of(tailoring.baseId() + "@" + tailoring.baseVersion()));
  }
}
