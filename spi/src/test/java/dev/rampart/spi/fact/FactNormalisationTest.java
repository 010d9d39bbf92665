package dev.rampart.spi.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fact records bring every value to canonical form in their constructors, and refuse what is no value. */
class FactNormalisationTest {

  @Test
  void blankTextIsAbsentAndTextIsStripped() {
    Device device = Device.builder("cam-1").owner(" ").name("  Dock camera ").model("\t").vendorId("").build();

    assertNull(device.owner());
    assertEquals("Dock camera", device.name());
    assertNull(device.model());
    assertNull(device.vendorId());
  }

  @Test
  void blankElementsOfTextListsAreDropped() {
    Device device = Device.builder("cam-1").networkIds(Arrays.asList("iot", " ", null, "ot ")).build();
    AccessPolicy policy = new AccessPolicy(List.of("iot:Publish", ""), List.of(" "), null, null, null);

    assertEquals(List.of("iot", "ot"), device.networkIds());
    assertEquals(List.of("iot:Publish"), policy.actions());
    assertEquals(List.of(), policy.resources());
  }

  @Test
  void vocabularyValuesAreCanonicalAndUnknownSpellingsAreKept() {
    Service service = Service.builder().protocol("Telnet").tlsVersions(List.of("TLSv1.0", " ", "SSLv3", "tls1.1"))
        .build();
    Service unknown = Service.builder().protocol(" gopher+ ").tlsVersions(List.of("TLSv9")).build();
    Certificate certificate = Certificate.builder().keyAlgorithm("rsaEncryption")
        .signatureAlgorithm("sha1WithRSAEncryption").build();

    assertEquals("telnet", service.protocol());
    assertEquals(List.of("1.0", "ssl3", "1.1"), service.tlsVersions());
    assertEquals("gopher+", unknown.protocol());
    assertEquals(List.of("TLSv9"), unknown.tlsVersions());
    assertEquals("RSA", certificate.keyAlgorithm());
    assertEquals("SHA1withRSA", certificate.signatureAlgorithm());
    assertEquals("SHA1withDSA", Certificate.builder().signatureAlgorithm("SHA-1withDSA").build().signatureAlgorithm());
  }

  @Test
  void aSha256FingerprintHasOneSpellingWhateverToolPrintedIt() {
    String hex = "9b7a2c4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff001";
    // openssl x509 -fingerprint -sha256, an Azure thumbprint, nmap's ssl-cert groups of four, and as is
    for (String spelling : List.of(
        "SHA256 Fingerprint=9B:7A:2C:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:01:12:23:34:45:56:67:78:89:9A:AB:BC:CD:DE:EF:F0:01",
        "9B7A2C4E5F60718293A4B5C6D7E8F90112233445566778899AABBCCDDEEFF001",
        "SHA-256: 9b7a 2c4e 5f60 7182 93a4 b5c6 d7e8 f901 1223 3445 5667 7889 9aab bccd deef f001",
        " " + hex + " ")) {
      assertEquals(hex, Certificate.builder().sha256Fingerprint(spelling).build().sha256Fingerprint(), spelling);
    }
    // not 64 hex digits: an identifier of another kind, kept as written
    assertEquals("77e3b9d0-cloned", Certificate.builder().sha256Fingerprint(" 77e3b9d0-cloned").build().sha256Fingerprint());
    assertEquals("SHA1:7F:8C", Certificate.builder().sha256Fingerprint("SHA1:7F:8C").build().sha256Fingerprint());
  }

  @Test
  void addressesAreKeptInCanonicalText() {
    Device device = Device.builder("cam-1").ipAddresses(List.of("::ffff:8.8.8.8", "2001:DB8:0:0::1", " 10.0.0.5 "))
        .build();

    assertEquals(List.of("8.8.8.8", "2001:db8::1", "10.0.0.5"), device.ipAddresses());
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "AA:BB:CC:DD:EE:0F, aa:bb:cc:dd:ee:0f",
      "AA-BB-CC-DD-EE-0F, aa:bb:cc:dd:ee:0f",
      "aabb.ccdd.ee0f, aa:bb:cc:dd:ee:0f",
      "AABBCCDDEE0F, aa:bb:cc:dd:ee:0f",
  })
  void macAddressesAreLowerCaseWithColons(String written, String canonical) {
    assertEquals(canonical, Device.builder("cam-1").macAddress(written).build().macAddress());
  }

  @Test
  void destinationsAreCanonicalAddressesNetworksAndLowerCaseHostNames() {
    List<String> written = List.of("192.0.2.0/28", "2001:DB8::1", "Updates.Example.COM.", "10.250.0.20/32",
        "::ffff:192.0.2.0/120", "::0/0", "any", "mud:local-networks", "10.0.0.7/8");
    List<String> canonical = List.of("192.0.2.0/28", "2001:db8::1", "updates.example.com", "10.250.0.20/32",
        "192.0.2.0/24", "::/0", "any", "mud:local-networks", "10.0.0.0/8");

    Device device = Device.builder("cam-1").egressAllowlist(written).outboundDestinations(written).build();

    assertEquals(canonical, device.egressAllowlist());
    assertEquals(canonical, device.outboundDestinations());
    assertEquals(canonical, new Egress(true, written).allowlist());
  }

  @Test
  void networksAreKeptAsTheirCanonicalNetwork() {
    assertEquals("10.20.0.0/24", Network.builder("iot").cidr("10.20.0.7/24").build().cidr());
    assertEquals("2001:db8::/32", Network.builder("iot").cidr("2001:DB8::/32").build().cidr());
  }

  @Test
  void aPortOutOfRangeIsRefusedNamingTheField() {
    InvalidFactException zero = assertThrows(InvalidFactException.class, () -> Service.builder().port(0).build());
    InvalidFactException high = assertThrows(InvalidFactException.class, () -> Service.builder().port(70000).build());

    assertEquals("port 0 is not a port (ports are 1 to 65535)", zero.getMessage());
    assertEquals("port 70000 is not a port (ports are 1 to 65535)", high.getMessage());
    assertEquals("70000", high.value());
    assertEquals("70000 is not a port", high.what());
    assertEquals("ports are 1 to 65535", high.fix());
  }

  @Test
  void theEnclosingRecordPrefixesTheNestedPathAndTheFact() {
    InvalidFactException nested = assertThrows(InvalidFactException.class, () -> Service.builder().port(70000).build());

    InvalidFactException placed = nested.within("services", 2).about(FactType.DEVICE, "cam-1");

    assertEquals("device 'cam-1': services[2].port 70000 is not a port (ports are 1 to 65535)", placed.getMessage());
    assertEquals("services[2].port", placed.pathText());
    assertEquals("device 'cam-1'", placed.subject());
    assertEquals(FieldPath.of("services").index(2).field("port"), placed.path());
  }

  @Test
  void anInvalidAddressIsRefusedNamingTheDeviceAndTheElement() {
    InvalidFactException e = assertThrows(InvalidFactException.class,
        () -> Device.builder("cam-1").ipAddresses(List.of("10.0.0.5", "", "999.1.1.1")).build());

    assertEquals("""
        device 'cam-1': ipAddresses[2] '999.1.1.1' is not an IP address \
        (write an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10)""", e.getMessage());
  }

  @Test
  void everyOtherRefusal() {
    assertEquals("""
        device 'cam-1': ipAddresses[0] '010.0.0.1' is not an IP address \
        (write an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10)""",
        refusal(() -> Device.builder("cam-1").ipAddresses(List.of("010.0.0.1")).build()));
    assertEquals("""
        device 'cam-1': macAddress 'AA:BB:CC:DD:EE' is not a MAC address (write six pairs of hex digits such as \
        00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too))""",
        refusal(() -> Device.builder("cam-1").macAddress("AA:BB:CC:DD:EE").build()));
    assertEquals("""
        device 'cam-1': egressAllowlist[1] '10.0.0.0/33' is not an address, network or host name (write an IP \
        address, a network such as 192.0.2.0/24, or a host name such as updates.example.com)""",
        refusal(() -> Device.builder("cam-1").egressAllowlist(List.of("a.example", "10.0.0.0/33")).build()));
    assertEquals("""
        device 'cam-1': outboundDestinations[0] '10.1.2' is not an address, network or host name (write an IP \
        address, a network such as 192.0.2.0/24, or a host name such as updates.example.com)""",
        refusal(() -> Device.builder("cam-1").outboundDestinations(List.of("10.1.2")).build()));
    assertEquals("allowlist[0] '999.0.0.0/8' is not an address, network or host name (write an IP address, a "
        + "network such as 192.0.2.0/24, or a host name such as updates.example.com)",
        refusal(() -> new Egress(null, List.of("999.0.0.0/8"))));
    assertEquals("""
        network 'iot': cidr '10.20.0.0' is not a network \
        (write an address and a prefix length such as 10.20.0.0/24 or 2001:db8::/32)""",
        refusal(() -> Network.builder("iot").cidr("10.20.0.0").build()));
    assertEquals("network 'iot': vlan 4095 is not a VLAN id (VLAN ids are 1 to 4094)",
        refusal(() -> Network.builder("iot").vlan(4095).build()));
    assertEquals("keySize 0 is not a key size (a key size is a positive number of bits, e.g. 2048)",
        refusal(() -> Certificate.builder().keySize(0).build()));
    assertEquals("retentionDays -1 is not a number of days (days cannot be negative)",
        refusal(() -> DataHandling.builder().retentionDays(-1).build()));
    assertEquals("coveragePercent 101 is not a percentage (percentages are 0 to 100)",
        refusal(() -> new Training(null, 101)));
  }

  @Test
  void theBoundsOfEachRangeAreAccepted() {
    assertEquals(1, Service.builder().port(1).build().port());
    assertEquals(65535, Service.builder().port(65535).build().port());
    assertEquals(4094, Network.builder("iot").vlan(4094).build().vlan());
    assertEquals(0, DataHandling.builder().retentionDays(0).build().retentionDays());
    assertEquals(100, new Training(null, 100).coveragePercent());
  }

  @Test
  void buildersRoundTrip() {
    Service service = Service.builder().name("https").port(443).transport(Transport.TCP).protocol("https")
        .state(ServiceState.OPEN).exposure(Exposure.INTERNET).tls(true).tlsVersions(List.of("1.3")).weakCiphers(false)
        .authRequired(true).rateLimited(true).inputValidation(true).management(false).product("nginx")
        .productVersion("1.25").build();
    Certificate certificate = Certificate.builder().subject("CN=cam").keySize(2048).ca(false).build();
    Credentials credentials = Credentials.builder().authMethod(AuthMethod.CERTIFICATE).certificate(certificate)
        .build();

    assertEquals(service, service.toBuilder().build());
    assertEquals(certificate, certificate.toBuilder().build());
    assertEquals(credentials, credentials.toBuilder().build());
    assertEquals(new DataHandling(true, null, null, null, null, 30),
        DataHandling.builder().personalData(true).retentionDays(30).build());
    assertEquals(Service.builder().port(80).build(), service.toBuilder().port(80).name(null).transport(null)
        .protocol(null).state(null).exposure(null).tls(null).tlsVersions(null).weakCiphers(null).authRequired(null)
        .rateLimited(null).inputValidation(null).management(null).product(null).productVersion(null).build());
  }

  @Test
  void aPresenceThatSaysUnrecordedButNamesASystemOfRecordIsRefused() {
    assertEquals("recorded false contradicts recordedBy, which names inventory:site.yaml:4:5"
        + " (a device some system of record lists is recorded: set recorded to true)",
        refusal(() -> new Presence(false, List.of("inventory:site.yaml:4:5"), List.of("nmap:scan.xml:7:51"))));
    assertEquals(new Presence(false, List.of(), List.of("nmap:scan.xml:7:51")),
        new Presence(false, List.of(" "), List.of(" nmap:scan.xml:7:51 ")), "blank places are none");
  }

  private static String refusal(Runnable build) {
    return assertThrows(InvalidFactException.class, build::run).getMessage();
  }
}
