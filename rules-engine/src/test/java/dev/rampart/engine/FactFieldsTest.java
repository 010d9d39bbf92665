package dev.rampart.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Service;
import dev.rampart.spi.fact.Vendor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The leaf fields of the fact model, as a source can fill them, and which ones a fact fills. */
class FactFieldsTest {

  @Test
  void aLeafIsAValueWithoutFieldsOfItsOwnNamedThroughRecordsAndListElements() {
    List<String> device = FactFields.leafPaths(FactType.DEVICE);

    assertTrue(device.containsAll(List.of("id", "vendorId", "ipAddresses", "services[].port",
        "services[].tlsVersions", "credentials.defaultPassword", "credentials.certificate.notAfter",
        "credentials.certificates[].notAfter", "presence.discoveredBy", "attributes")), device.toString());
    assertFalse(device.contains("services") || device.contains("credentials") || device.contains("vendor"),
        "records and lists of records are not leaves; a reference is its id field: " + device);
  }

  @Test
  void everyComponentOfEveryFactRecordHasItsLeavesSoTheListFollowsTheModel() {
    for (FactType type : FactType.values()) {
      List<String> leaves = FactFields.leafPaths(type);
      for (RecordComponent component : type.javaType().getRecordComponents()) {
        String name = component.getName();
        assertTrue(leaves.stream().anyMatch(path -> path.equals(name) || path.startsWith(name + ".")
            || path.startsWith(name + "[].")), type.wireName() + "." + name + " has no leaf in " + leaves);
      }
      assertEquals(leaves.size(), Set.copyOf(leaves).size(), "each leaf once: " + leaves);
    }
  }

  @Test
  void aFactFillsTheLeavesWhoseValuesAreKnown() {
    Device device = Device.builder("cam-01")
        .services(List.of(Service.builder().port(23).build(), Service.builder().name("telnet").build()))
        .credentials(Credentials.builder().build())
        .attributes(Map.of())
        .build();

    assertEquals(Set.of("id", "services[].name", "services[].port"), FactFields.filledLeafPaths(device),
        "a record with every field unknown fills nothing, nor does an empty map; a list element's field is"
            + " filled when any element's is");
  }

  @Test
  void aKnownEmptyListIsFilledAndAMapWithAnEntryIs() {
    Device device = Device.builder("cam-01").ipAddresses(List.of()).services(List.of())
        .attributes(Map.of("site", "north")).build();

    assertEquals(Set.of("id", "ipAddresses", "attributes"), FactFields.filledLeafPaths(device),
        "an empty list of plain values says there are none; an empty list of services fills no service field");
    assertEquals(Set.of("id", "name"), FactFields.filledLeafPaths(Vendor.builder("acme").name("Acme").build()));
  }

  @Test
  void leavesAreInTheOrderTheModelDeclaresThem() {
    List<String> components = Arrays.stream(Vendor.class.getRecordComponents()).map(RecordComponent::getName).toList();
    List<String> firstSteps = FactFields.leafPaths(FactType.VENDOR).stream()
        .map(path -> path.split("[.\\[]")[0]).distinct().toList();

    assertEquals(components, firstSteps);
  }
}
