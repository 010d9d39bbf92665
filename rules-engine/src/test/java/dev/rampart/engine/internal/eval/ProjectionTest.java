package dev.rampart.engine.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.rampart.engine.EngineTestAccess;
import dev.rampart.engine.RulePacks;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Lifecycle;
import dev.rampart.spi.fact.LifecycleStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A projection keeps exactly what its rules read, so they decide the copy as they decide the fact. */
class ProjectionTest {

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: projection, version: "1.0", title: Projection}
      rules:
        - id: unique-fingerprint
          title: Unique certificate
          category: identity
          severity: high
          target: device
          when:
            all:
              - {field: credentials.certificate, exists: true}
              - {field: lifecycle.status, notEquals: retired}
          assert: {field: credentials.certificate.sha256Fingerprint, unique: true}
          message: "device ${id} (${model}) shares its certificate"
      """;

  private static Device device() {
    Certificate certificate = new Certificate("CN=cam", "CN=ca", "01", "EC", 256, "ecdsa-with-SHA256", null, null,
        false, true, true, false, false, List.of(), "ab12", null, null, null, null, null);
    return Device.builder("cam-1")
        .name("Camera").model("C200").serialNumber("SN1")
        .credentials(new Credentials(false, false, "fp", AuthMethod.CERTIFICATE, certificate, null))
        .lifecycle(new Lifecycle(LifecycleStatus.ACTIVE, null, null))
        .build();
  }

  private static Projection projection() throws Exception {
    return Projection.of(EngineTestAccess.programs(RulePacks.parse(PACK, "projection.yaml")));
  }

  @Test
  void keepsTheFieldsTheRulesReadAndDropsTheRest() throws Exception {
    Device projected = (Device) projection().apply(device());
    assertEquals("cam-1", projected.id());
    assertEquals("C200", projected.model());
    assertEquals(LifecycleStatus.ACTIVE, projected.lifecycle().status());
    assertEquals("ab12", projected.credentials().certificate().sha256Fingerprint());
    assertNull(projected.name());
    assertNull(projected.serialNumber());
    assertNull(projected.credentials().fingerprint());
    assertNull(projected.credentials().certificate().subject());
  }

  @Test
  void aRecordReadOnlyForItsPresenceBecomesOneSharedEmptyCopy() throws Exception {
    String presenceOnly = PACK.replace("credentials.certificate.sha256Fingerprint", "credentials.fingerprint")
        .replace("shares its certificate", "shares its credential");
    Projection projection = Projection.of(EngineTestAccess.programs(RulePacks.parse(presenceOnly, "p.yaml")));
    Device first = (Device) projection.apply(device());
    Device second = (Device) projection.apply(device());
    assertNotNull(first.credentials().certificate());
    assertNull(first.credentials().certificate().sha256Fingerprint());
    assertSame(first.credentials().certificate(), second.credentials().certificate());
    assertEquals("fp", first.credentials().fingerprint());
  }

  @Test
  void consecutiveFactsWithTheSamePartsShareOneCopyOfThemAndADifferentPartGetsItsOwn() throws Exception {
    Projection projection = projection();
    Device first = (Device) projection.apply(device());
    Device second = (Device) projection.apply(device());
    Device retired = (Device) projection.apply(Device.builder("cam-2")
        .lifecycle(new Lifecycle(LifecycleStatus.RETIRED, null, null)).build());
    Device third = (Device) projection.apply(device());

    assertSame(first.lifecycle(), second.lifecycle());
    assertEquals(LifecycleStatus.RETIRED, retired.lifecycle().status());
    assertEquals(LifecycleStatus.ACTIVE, third.lifecycle().status());
    assertEquals(first.lifecycle(), third.lifecycle());
    // parts are shared when made of the same instances; equal values read separately keep their own copy
    Certificate equalButRead = device().credentials().certificate().toBuilder()
        .sha256Fingerprint(new String("ab12".toCharArray())).build();
    Device fourth = (Device) projection.apply(device().toBuilder()
        .credentials(new Credentials(false, false, "fp", AuthMethod.CERTIFICATE, equalButRead, null)).build());
    assertSame(first.credentials(), second.credentials());
    assertEquals(first.credentials(), fourth.credentials());
    assertNotSame(first.credentials().certificate(), fourth.credentials().certificate());
  }
}
