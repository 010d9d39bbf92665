package dev.rampart.engine.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code extends: BASE@PIN}: the pin names the versions of the base a tailored pack was written for,
 * so an upgrade of the base cannot change the inherited rules unnoticed. {@code test-baseline} (version
 * 1.0) stands in for a built-in pack; {@code middle.yaml} (version 2.0) is a base named by its path.
 */
class ExtendsPinTest {

  private static final String TAILORING = "src/test/resources/dev/rampart/engine/load/tailoring/";

  private static final String SITE = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: acme-site, version: "1.0", title: ACME site policy}
      extends: BASE
      parameters:
        certExpiryWarning: {default: P60D}
      disable:
        - rule: IDN-006
          reason: "PSK by design on the legacy line; compensating control CC-12"
      """;

  @ParameterizedTest
  @ValueSource(strings = {"test-baseline@1.0", "test-baseline@1.0.0", "test-baseline@^1", "test-baseline@~1.0",
      "test-baseline@>=1.0.0 <2", "test-baseline@>=0.9"})
  void aPinThatTheBaseVersionSatisfiesLoadsTheBase(String extendsText) throws PackLoadException {
    RulePack pack = RulePacks.parse(SITE.replace("BASE", extendsText), "site.yaml");

    assertEquals(Optional.of("test-baseline@1.0"), pack.base());
  }

  @Test
  void aBaseOfAnotherMajorVersionIsAClearErrorWithAPinThatFits() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: extends 'test-baseline@^2': the built-in test-baseline is version 1.0, which is not in ^2 (pin a version it has, e.g. test-baseline@^1)""",
        problems(SITE.replace("BASE", "test-baseline@^2")));
  }

  @Test
  void anExactPinOfAnotherVersionSuggestsTheVersionThereIs() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: extends 'test-baseline@1.1.0': the built-in test-baseline is version 1.0, which is not 1.1.0 (pin a version it has, e.g. test-baseline@1.0)""",
        problems(SITE.replace("BASE", "test-baseline@1.1.0")));
  }

  @Test
  void aBaseFileIsPinnedTheSameWay(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site.yaml");
    String middle = Path.of(TAILORING + "middle.yaml").toAbsolutePath().toString();
    Files.writeString(site, """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: acme-site, version: "1.0", title: ACME site policy}
        extends: MIDDLE@~1.2
        """.replace("MIDDLE", middle));

    PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.load(site));
    assertEquals("""
        1 problem in rule pack:
        1. DIR/site.yaml:4:10: extends 'MIDDLE@~1.2': base pack file MIDDLE (pack 'middle') is version 2.0, which is not in ~1.2 (pin a version it has, e.g. MIDDLE@^2)""",
        message(e).replace(dir.toString(), "DIR").replace(middle, "MIDDLE"));

    Files.writeString(site, Files.readString(site).replace("@~1.2", "@2.0.0"));
    assertEquals(Optional.of("middle@2.0"), RulePacks.load(site).base());
  }

  @Test
  void aPinThatIsNoVersionOrRangeSaysWhichFormsThereAre() {
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: extends 'test-baseline@latest': 'latest' is not a version pin (write the base, then '@' and a version (@1.0.0) or a range (@^1, @~1.2, @>=1.0.0 <2), e.g. 'extends: test-baseline@^1')""",
        problems(SITE.replace("BASE", "test-baseline@latest")));
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: extends 'test-baseline@': nothing follows '@' (write the base, then '@' and a version (@1.0.0) or a range (@^1, @~1.2, @>=1.0.0 <2), e.g. 'extends: test-baseline@^1')""",
        problems(SITE.replace("BASE", "test-baseline@")));
    assertEquals("""
        1 problem in rule pack:
        1. site.yaml:4:10: extends '@^1': nothing names the base before '@' (write the base, then '@' and a version (@1.0.0) or a range (@^1, @~1.2, @>=1.0.0 <2), e.g. 'extends: iot-baseline@^1')""",
        problems(SITE.replace("BASE", "\"@^1\"")));
  }

  @Test
  void aPinDoesNotHideTheTailoringMistakesOfTheSamePack() {
    assertEquals("""
        2 problems in rule pack:
        1. site.yaml:4:10: extends 'test-baseline@^2': the built-in test-baseline is version 1.0, which is not in ^2 (pin a version it has, e.g. test-baseline@^1)
        2. site.yaml:8:5: disabling rule 'IDN-006' needs a 'reason' (say why the rule does not apply here, e.g. the compensating control; reports show it)""",
        problems(SITE.replace("BASE", "test-baseline@^2").replace(
            "    reason: \"PSK by design on the legacy line; compensating control CC-12\"\n", "")));
  }

  private static String problems(String pack) {
    return message(assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, "site.yaml")));
  }

  private static String message(PackLoadException e) {
    return e.getMessage().lines().collect(Collectors.joining("\n"));
  }
}
