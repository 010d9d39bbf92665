package dev.rampart.oscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class StableUuidsTest {

  @Test
  void isRfc9562Version5OfTheName() {
    // RFC 9562, appendix A.4: the version 5 UUID of "www.example.com" in the DNS namespace
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertEquals(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StableUuids.v5(dns, "www.example.com"));
  }

  @Test
  void theSameThingHasTheSameUuidOnEveryRun() {
    assertEquals(StableUuids.of("observation", "iot-baseline", "IDN-001", "device", "cam-01"),
        StableUuids.of("observation", "iot-baseline", "IDN-001", "device", "cam-01"));
    assertEquals(5, StableUuids.of("finding", "G01").version());
  }

  @Test
  void partsCannotRunIntoEachOther() {
    assertNotEquals(StableUuids.of("subject", "a/b", "c"), StableUuids.of("subject", "a", "b/c"));
    assertNotEquals(StableUuids.of("subject", "a"), StableUuids.of("finding", "a"));
  }
}
