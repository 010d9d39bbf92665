package dev.rampart.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Network;
import dev.rampart.spi.fact.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every reference between facts (a device's {@code vendorId} and {@code networkIds}) names a fact
 * that is present; one that does not is reported with the fact that holds it, the fact it names and
 * the fix, whether the facts are all at hand or streamed past.
 */
class ReferencesTest {

  private static final Vendor ACME = Vendor.builder("acme").build();
  private static final Network IOT = Network.builder("iot").build();

  @Test
  void referencesToFactsThatArePresentResolve() {
    List<Fact> facts = List.of(device("cam-01", "acme", List.of("iot")), ACME, IOT);

    assertEquals(List.of(), References.dangling(facts));
  }

  @Test
  void referencesToFactsOfAnyOrderResolve() {
    List<Fact> facts = List.of(ACME, device("cam-01", "acme", List.of("iot")), IOT);

    assertEquals(List.of(), References.dangling(facts));
  }

  @Test
  void absentReferencesAreNotDangling() {
    assertEquals(List.of(), References.dangling(List.of(Device.builder("cam-01").build())));
  }

  @Test
  void everyDanglingReferenceIsReportedInFactAndFieldOrder() {
    List<Fact> facts = List.of(
        device("cam-01", "initech", List.of("iot", "ot", "corp")), IOT, device("cam-02", "acme", List.of("ot")), ACME);

    List<DanglingReference> dangling = References.dangling(facts);

    assertEquals(List.of(
        new DanglingReference(device("cam-01"), "vendorId", new FactKey(FactType.VENDOR, "initech")),
        new DanglingReference(device("cam-01"), "networkIds", new FactKey(FactType.NETWORK, "ot")),
        new DanglingReference(device("cam-01"), "networkIds", new FactKey(FactType.NETWORK, "corp")),
        new DanglingReference(device("cam-02"), "networkIds", new FactKey(FactType.NETWORK, "ot"))), dangling);
    assertEquals("""
        device 'cam-01' refers to vendor 'initech', which no source reported \
        (add a vendor with id 'initech', or correct the reference)
        device 'cam-01' refers to network 'ot', which no source reported \
        (add a network with id 'ot', or correct the reference)
        device 'cam-01' refers to network 'corp', which no source reported \
        (add a network with id 'corp', or correct the reference)
        device 'cam-02' refers to network 'ot', which no source reported \
        (add a network with id 'ot', or correct the reference)""",
        String.join("\n", dangling.stream().map(DanglingReference::describe).toList()));
  }

  @Test
  void aFactOfAnotherTypeWithTheIdDoesNotResolveAReference() {
    List<Fact> facts = List.of(device("cam-01", "iot", List.of()), IOT);

    assertEquals(List.of("device 'cam-01' refers to vendor 'iot', which no source reported"),
        References.dangling(facts).stream().map(DanglingReference::message).toList());
  }

  @Test
  void oneFactIsCheckedAgainstTheFactsPresent() {
    References present = References.among(List.of(ACME));

    assertEquals(List.of(), present.danglingIn(device("cam-01", "acme", List.of())));
    assertEquals(List.of(new DanglingReference(device("cam-01"), "networkIds", new FactKey(FactType.NETWORK, "iot"))),
        present.danglingIn(device("cam-01", "acme", List.of("iot"))));
  }

  @Test
  void aTrackerResolvesReferencesToFactsThatArriveLater() {
    References.Tracker tracker = References.tracker();

    tracker.add(device("cam-01", "acme", List.of("iot")));
    assertFalse(tracker.allResolved());
    tracker.add(ACME);
    assertFalse(tracker.allResolved());
    tracker.add(IOT);
    assertTrue(tracker.allResolved());
  }

  @Test
  void aTrackerFindsADanglingReference() {
    References.Tracker tracker = References.tracker();

    tracker.add(ACME);
    tracker.add(IOT);
    tracker.add(device("cam-01", "acme", List.of("iot", "ot")));

    assertFalse(tracker.allResolved());
  }

  private static Device device(String id, String vendorId, List<String> networkIds) {
    return Device.builder(id).vendorId(vendorId).networkIds(networkIds).build();
  }

  private static FactKey device(String id) {
    return new FactKey(FactType.DEVICE, id);
  }
}
