package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.value.DuplicateFactIdException;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Problem;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.SourceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One problem model: a source's, a pack's, a waiver file's and the facts' mistakes are all {@link
 * dev.rampart.spi.source.Problem}s (place, path, message, fix), and every such error survives Java
 * serialization with them.
 */
class ErrorModelTest {

  private static final String PACK = PackText.deviceRule("{field: credentials.defaultPasword, equals: false}");

  private final EvaluationTest fixtures = new EvaluationTest();

  @Test
  void aPackProblemIsTheCommonProblemWithItsRuleAsThePath() {
    PackLoadException refused = assertThrows(PackLoadException.class, () -> RulePacks.parse(PACK, "pack.yaml"));

    assertEquals(List.of(new dev.rampart.spi.source.Problem("pack.yaml", 10, 21, "rule R",
        "unknown field 'credentials.defaultPasword': 'credentials' has no field 'defaultPasword'",
        "did you mean 'credentials.defaultPassword'?")), refused.details());
    assertEquals("""
        pack.yaml:10:21: rule R: unknown field 'credentials.defaultPasword': 'credentials' has no field \
        'defaultPasword' (did you mean 'credentials.defaultPassword'?)""", refused.details().get(0).render());
    assertEquals(refused.problems().get(0).toString(), refused.details().get(0).render());
  }

  @Test
  void aPackLoadExceptionSurvivesJavaSerializationWithItsProblems() {
    PackLoadException refused = assertThrows(PackLoadException.class, () -> RulePacks.parse(PACK, "pack.yaml"));

    PackLoadException copy = roundTrip(refused);

    assertEquals(refused.problems(), copy.problems());
    assertEquals(refused.details(), copy.details());
    assertEquals(refused.getMessage(), copy.getMessage());
  }

  @Test
  void aWaiverProblemIsTheCommonProblemAndSurvivesJavaSerialization() throws Exception {
    WaiverLoadException refused = assertThrows(WaiverLoadException.class, () -> Waivers.parse("""
        apiVersion: rampart.dev/v1
        kind: Waivers
        waivers:
          - {rule: XYZ-001, justification: later, approvedBy: jane, expires: 2026-12-31}
        """, "waivers.yaml", fixtures.engine().rules()));

    dev.rampart.spi.source.Problem noSuchRule = new dev.rampart.spi.source.Problem("waivers.yaml", 4, 12, "",
        "waivers[0].rule: no rule 'XYZ-001' in the packs",
        "expected one of: no-default-password, no-telnet, iot-segment, vendor-disclosure, unique-credential");
    assertEquals(List.of(noSuchRule), refused.details());
    WaiverLoadException copy = roundTrip(refused);
    assertEquals(refused.problems(), copy.problems());
    assertEquals(List.of(noSuchRule), copy.details());
  }

  @Test
  void aDuplicatedFactIdIsAnIllegalArgumentWithOneProblemPerId() throws Exception {
    List<Device> facts = List.of(Device.builder("cam-1").build(), Device.builder("cam-1").build(),
        Device.builder("cam-2").build(), Device.builder("cam-2").build());

    DuplicateFactIdException refused = assertThrows(DuplicateFactIdException.class,
        () -> fixtures.engine().evaluate(facts));

    assertInstanceOf(IllegalArgumentException.class, refused);
    assertEquals("facts must have unique ids per type; duplicated: device 'cam-1', device 'cam-2'",
        refused.getMessage());
    assertEquals(List.of(new DuplicateFactIdException.Duplicate(FactType.DEVICE, "cam-1"),
        new DuplicateFactIdException.Duplicate(FactType.DEVICE, "cam-2")), refused.duplicates());
    assertEquals("""
        device 'cam-1' is given more than once (give each device its own id, or merge them into one fact)
        device 'cam-2' is given more than once (give each device its own id, or merge them into one fact)""",
        String.join("\n", refused.details().stream().map(dev.rampart.spi.source.Problem::render).toList()));
    DuplicateFactIdException copy = roundTrip(refused);
    assertEquals(refused.duplicates(), copy.duplicates());
    assertEquals(refused.details(), copy.details());
  }

  @Test
  void aStreamingEvaluationRefusesADuplicatedIdWithTheSameError() throws Exception {
    try (StreamingEvaluation evaluation = fixtures.engine().startEvaluation(Provenance.none())) {
      evaluation.add(Device.builder("twice").build());
      evaluation.add(Device.builder("twice").build());

      DuplicateFactIdException refused = assertThrows(DuplicateFactIdException.class, evaluation::finish);

      assertEquals(List.of(new DuplicateFactIdException.Duplicate(FactType.DEVICE, "twice")), refused.duplicates());
    }
  }

  @Test
  void aSourceExceptionSurvivesJavaSerializationWithItsProblems() {
    dev.rampart.spi.source.Problem unknownField = new dev.rampart.spi.source.Problem("site.yaml", 12, 7,
        "devices[2].credentials", "unknown field 'pasword'", "did you mean 'password'?");
    SourceException thrown = SourceException.of(List.of(unknownField));

    SourceException copy = roundTrip(thrown);

    assertEquals(List.of(unknownField), copy.details());
    assertEquals(List.of("site.yaml:12:7: devices[2].credentials: unknown field 'pasword' (did you mean 'password'?)"),
        copy.problems());
    assertEquals(thrown.getMessage(), copy.getMessage());
    assertEquals(List.of(dev.rampart.spi.source.Problem.of("scan.xml: not XML")),
        roundTrip(new SourceException("scan.xml: not XML")).details());
  }

  @Test
  void aProblemOfNoFileHasNoLeadingColon() {
    assertEquals("pack id 'test' is used by two packs (rename one)",
        new Problem("", 0, 0, null, "pack id 'test' is used by two packs", "rename one").toString());
    assertEquals("rule R1: the rule has no title",
        new Problem("", 0, 0, "R1", "the rule has no title", null).toString());
  }

  /** The object written with Java serialization and read back. */
  private static <T> T roundTrip(T object) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(object);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        @SuppressWarnings("unchecked")
        T read = (T) in.readObject();
        return read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
