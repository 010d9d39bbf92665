package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact messages a user sees for mistakes in an inventory file. */
class InventoryProblemsTest {

  @Test
  void anUnknownFieldSuggestsTheClosestKnownFieldOrListsTheValidOnes() {
    assertProblems("unknown-field.yaml", """
        FILE:4:7: devices[0] (id 'cam-01').credentials: unknown field 'defaultPasword' (did you mean 'defaultPassword'?)
        FILE:6:5: devices[1] (id 'cam-02'): unknown field 'firmwear' (did you mean 'firmware'?)
        FILE:8:5: devices[2] (id 'cam-03'): unknown field 'colour' (valid fields: id, name, model, serialNumber, \
        macAddress, ipAddresses, vendorId, networkIds, deviceClass, owner, criticality, hardware, firmware, ota, \
        credentials, accessPolicy, services, wireless, data, monitoring, resilience, lifecycle, connectivity, \
        outboundDestinations, egressAllowlist, observedPeers, allowedPeers, presence, attributes)
        """);
  }

  @Test
  void aValueOfTheWrongTypeIsReportedInsteadOfCoerced() {
    assertProblems("wrong-types.yaml", """
        FILE:5:15: devices[0] (id 'gw-01').services[1].port: expected a whole number but found "22" (write it without quotes)
        FILE:8:24: devices[1] (id 'gw-02').credentials.defaultPassword: expected true or false but found "no" \
        (write true or false; yes, no, on and off are text in inventory files)
        FILE:11:24: devices[2] (id 'gw-03').credentials.defaultPassword: expected true or false but found "no" \
        (write true or false; yes, no, on and off are text in inventory files)
        FILE:14:16: devices[3] (id 'gw-04').ota.enabled: expected true or false but found "true" (write it without quotes)
        FILE:17:16: devices[4] (id 'gw-05').firmware.version: expected text but found 1.10 (put it in quotes: "1.10")
        FILE:19:18: devices[5] (id 'gw-06').ipAddresses: expected a list but found "10.0.0.1" \
        (write a list, e.g. [a, b], or one '- ' line per entry)
        FILE:21:15: devices[6] (id 'gw-07').hardware: expected an object but found "yes" \
        (write its fields, e.g. 'rootOfTrust', as name: value pairs under it)
        FILE:24:20: devices[7] (id 'gw-08').firmware.releaseDate: expected a date such as 2027-06-30 but found \
        "30/06/2027" (write dates as YYYY-MM-DD)
        FILE:27:19: devices[8] (id 'gw-09').resilience.lastBackup: expected a date-time such as 2026-11-01T10:00:00Z \
        or a date such as 2026-11-01 but found "2026-11-01T10:00:00" (add the time zone, e.g. 2026-11-01T10:00:00Z for UTC)
        FILE:30:21: devices[9] (id 'gw-10').lifecycle.endOfSupport: "2027-02-30" is not a real date (check the month and day)
        FILE:33:17: devices[10] (id 'gw-11').wireless.security: expected a name but found 2 \
        (expected one of: open, wep, wpa, wpa2, wpa3)
        FILE:34:9: devices[11].id: expected text but found 42 (put it in quotes: "42")
        """);
  }

  @Test
  void anEnumValueMustBeOneOfTheWireNames() {
    assertProblems("bad-enum.yaml", """
        FILE:3:11: networks[0] (id 'corp').zone: unknown value 'Corporate' \
        (write it as 'corporate'; expected one of: iot, ot, corporate, guest, dmz, management)
        FILE:8:17: devices[0] (id 'cam-01').wireless.security: unknown value 'wpa4' (expected one of: open, wep, wpa, wpa2, wpa3)
        FILE:11:19: devices[1] (id 'cam-02').credentials.authMethod: unknown value 'API_KEY' \
        (write it as 'apiKey'; expected one of: certificate, password, apiKey, preSharedKey, token, none)
        """);
  }

  @Test
  void aDuplicateIdNamesBothPlacesButIdsOfOtherFactTypesMayRepeat() {
    assertProblems("duplicate-id.yaml", """
        FILE:8:5: devices[2]: duplicate device id 'cam-01' (first defined at FILE:5:5); give each device its own id
        """);
  }

  @Test
  void aNumberOutsideItsFieldsRangeIsReportedWhereItIsWritten() {
    assertProblems("out-of-range.yaml", """
        FILE:4:22: deployment (id 'site').training.coveragePercent: 120 is not a percentage (percentages are 0 to 100)
        FILE:7:11: networks[0] (id 'lan').vlan: 5000 is not a VLAN id (VLAN ids are 1 to 4094)
        FILE:11:15: devices[0] (id 'cam-01').services[0].port: 70000 is not a port (ports are 1 to 65535)
        FILE:14:15: devices[1] (id 'cam-02').services[0].port: 0 is not a port (ports are 1 to 65535)
        FILE:17:22: devices[2] (id 'cam-03').data.retentionDays: -1 is not a number of days (days cannot be negative)
        FILE:21:18: devices[3] (id 'cam-04').credentials.certificate.keySize: 0 is not a key size \
        (a key size is a positive number of bits, e.g. 2048)
        """);
  }

  @Test
  void aValueTheFactModelRefusesIsReportedWhereItIsWritten() {
    assertProblems("invalid-values.yaml", """
        FILE:3:11: networks[0] (id 'lan').cidr: "10.20.0.0" is not a network \
        (write an address and a prefix length such as 10.20.0.0/24 or 2001:db8::/32)
        FILE:6:29: devices[0] (id 'cam-01').ipAddresses[1]: "999.1.1.1" is not an IP address \
        (write an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10)
        FILE:8:17: devices[1] (id 'cam-02').macAddress: "00:1a:2b:3c:4d" is not a MAC address \
        (write six pairs of hex digits such as 00:1a:2b:3c:4d:5e (00-1A-2B-3C-4D-5E and 001a.2b3c.4d5e are accepted too))
        FILE:10:45: devices[2] (id 'cam-03').egressAllowlist[1]: "10.0.0.0/33" is not an address, network or host name \
        (write an IP address, a network such as 192.0.2.0/24, or a host name such as updates.example.com)
        FILE:12:28: devices[3] (id 'cam-04').outboundDestinations[0]: "010.0.0.1" is not an address, network or host \
        name (write an IP address, a network such as 192.0.2.0/24, or a host name such as updates.example.com)
        FILE:16:16: devices[4] (id 'cam-05').services[1].port: 023 is written with a leading zero, which YAML reads as \
        an octal number (write 23)
        FILE:19:16: devices[5] (id 'cam-06').services[0].port: 0x17 is not written as a plain decimal number \
        (write the number in decimal digits only, e.g. 443)
        FILE:22:16: devices[6] (id 'cam-07').services[0].port: -08 is written with a leading zero, which YAML reads as \
        an octal number (write -8)
        """);
  }

  @Test
  void everyElementNeedsANonBlankId() {
    assertProblems("missing-id.yaml", """
        FILE:2:5: vendors[0]: missing id (give each vendor a unique, non-blank 'id')
        FILE:3:5: vendors[1]: the id is blank (give each vendor a unique, non-blank 'id')
        FILE:5:5: vendors[3]: missing id (give each vendor a unique, non-blank 'id')
        """);
  }

  @Test
  void anUnknownTopLevelKeyIsReported() {
    assertProblems("unknown-top-level.yaml", """
        FILE:1:1: unknown top-level key 'device' (did you mean 'devices'?)
        FILE:3:1: unknown top-level key 'sites' (valid keys: deployment, vendors, networks, devices)
        """);
  }

  @Test
  void sectionsAndElementsMustHaveTheRightShape() {
    assertProblems("not-objects.yaml", """
        FILE:1:13: deployment: expected an object but found a list (the deployment is a single object with an 'id', not a list)
        FILE:3:3: vendors: expected a list but found an object (write one '- id: ...' entry per vendor)
        FILE:5:5: devices[0]: expected an object but found "just-a-string" \
        (write each device as named fields, starting with 'id: ...')
        FILE:6:4: devices[1]: expected an object but found null (remove the empty '-' entry)
        """);
  }

  @Test
  void aNullInsideAListIsReported() {
    assertProblems("null-list-entry.yaml", """
        FILE:3:29: devices[0] (id 'cam-01').ipAddresses[1]: a list entry is empty (null) (remove the entry or give it a value)
        FILE:7:8: devices[1] (id 'cam-02').networkIds[1]: a list entry is empty (null) (remove the entry or give it a value)
        """);
  }

  @Test
  void attributesHoldOnlySingleValuesAndFlatListsOfThem() {
    assertProblems("attributes-structured.yaml", """
        FILE:5:17: devices[0] (id 'cam-01').attributes.tags[1]: expected a single value (text, number, true or false) \
        in the list but found a list (a list attribute holds single values; move structured data into the matching fact field)
        FILE:9:9: devices[1] (id 'cam-02').attributes.location: expected a single value (text, number, true or false) \
        or a list of them but found an object \
        (attributes hold single values and lists of them; move structured data into the matching fact field)
        FILE:11:17: devices[2] (id 'cam-03').attributes: expected named values but found a list \
        (write attributes as name: value pairs)
        FILE:14:21: devices[3] (id 'cam-04').attributes.zones[1]: expected a single value (text, number, true or false) \
        in the list but found null (a list attribute holds single values; move structured data into the matching fact field)
        FILE:17:21: devices[4] (id 'cam-05').attributes.zones[1]: expected a single value (text, number, true or false) \
        in the list but found an object (a list attribute holds single values; move structured data into the matching fact field)
        """);
  }

  @Test
  void aTabInYamlIndentationIsASyntaxError() {
    assertProblems("yaml-tab.yaml", """
        FILE:3:1: a tab character is used for indentation (indent with spaces only)
        """);
  }

  @Test
  void anUnclosedYamlListNamesWhereItWasOpened() {
    assertProblems("yaml-unclosed.yaml", """
        FILE:4:7: the list opened with '[' at 3:18 is not closed (add the missing ']' or ',')
        """);
  }

  @Test
  void jsonSyntaxErrorsAreExplained() {
    assertProblems("json-syntax.json", """
        FILE:3:39: unexpected character '}' (remove the comma before '}')
        """);
    assertProblems("json-unclosed.json", """
        FILE:4:1: the file ends before every bracket is closed (add the missing ']')
        """);
  }

  @Test
  void aDuplicateKeyIsASyntaxError() {
    assertProblems("duplicate-key.yaml", """
        FILE:4:5: duplicate key 'owner' (each key may appear only once in an object; merge the two entries)
        """);
    assertProblems("duplicate-key.json", """
        FILE:3:4: duplicate key 'owner' (each key may appear only once in an object; merge the two entries)
        """);
  }

  @Test
  void aDuplicateKeyIsFoundAmongManyKeys(@TempDir Path directory) throws IOException {
    StringBuilder attributes = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      attributes.append("\"a").append(i).append("\": ").append(i).append(", ");
    }
    Path file = Files.writeString(directory.resolve("many.json"),
        "{\"devices\": [{\"id\": \"a\", \"attributes\": {" + attributes + "\"a50\": 0}}]}\n");

    assertEquals(file + ":1:1121: duplicate key 'a50' (each key may appear only once in an object; merge the two entries)\n",
        Fixtures.problems(file));
  }

  @Test
  void keysMayRepeatInDifferentObjects(@TempDir Path directory) throws IOException, SourceException {
    Path file = Files.writeString(directory.resolve("repeated.json"), """
        {"devices": [
          {"id": "a", "services": [{"name": "ssh", "port": 22}, {"name": "https", "port": 443}],
           "credentials": {"certificate": {"subject": "CN=a"}}, "attributes": {"id": "x"}},
          {"id": "b", "services": [{"name": "ssh", "port": 22}]}
        ]}
        """);

    assertEquals(2, Fixtures.read(file).facts().size());
  }

  @Test
  void aBillionLaughsDocumentFailsFastAtItsFirstAlias() {
    String problems = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Fixtures.problems(Fixtures.path("alias-bomb.yaml")));

    assertEquals(Fixtures.expected("alias-bomb.yaml", """
        FILE:6:26: YAML alias '*a' is not supported \
        (write the value out in full; inventory files do not use anchors and aliases)
        """), problems);
  }

  @Test
  void nestingDeeperThanTheLimitFailsInYamlAndInJson() {
    assertProblems("too-deep.yaml", """
        FILE:4:73: the data is nested more than 64 levels deep \
        (inventory files need only a few levels; look for unclosed brackets or runaway indentation)
        """);
    assertProblems("too-deep.json", """
        FILE:1:114: the data is nested more than 64 levels deep \
        (inventory files need only a few levels; look for unclosed brackets or runaway indentation)
        """);
  }

  @Test
  void textLongerThanTheLimitFailsInYamlAndInJson(@TempDir Path directory) throws IOException {
    String longName = "x".repeat(1_000_001);
    Path yaml = Files.writeString(directory.resolve("long.yaml"), "devices:\n  - id: cam-01\n    name: " + longName + "\n");
    Path json = Files.writeString(directory.resolve("long.json"), "{\"devices\": [{\"id\": \"cam-01\", \"name\": \"" + longName + "\"}]}");

    assertEquals(yaml + ":3:11: a text value is longer than 1000000 characters "
        + "(shorten it; inventory values are names, versions and addresses)\n", Fixtures.problems(yaml));
    assertEquals(json + ":1:39: a text value is longer than 1000000 characters "
        + "(shorten it; inventory values are names, versions and addresses)\n", Fixtures.problems(json));
  }

  @Test
  void aControlCharacterInYamlIsReported() {
    assertProblems("control-character.yaml", """
        FILE: the file contains the control character U+0000 \
        (remove it; YAML allows only printable characters, is this a binary file?)
        """);
  }

  @Test
  void aSecondYamlDocumentIsReported() {
    assertProblems("two-documents.yaml", """
        FILE:4:1: found more content after the inventory ended \
        (keep one inventory per file; a YAML file must not contain a second document after '---')
        """);
  }

  @Test
  void bytesThatAreNotUtf8AreReportedWhereTheyAre() {
    assertProblems("not-utf8.yaml", """
        FILE:3:15: the file is not valid UTF-8 text (save it with UTF-8 encoding)
        """);
  }

  @Test
  void anEmptyFileOrOneWithOnlyCommentsIsReported() {
    assertProblems("empty.yaml", """
        FILE: the file is empty or holds only comments (write at least one of: deployment, vendors, networks, devices)
        """);
    assertProblems("comments-only.yaml", """
        FILE: the file is empty or holds only comments (write at least one of: deployment, vendors, networks, devices)
        """);
  }

  @Test
  void aMissingFileIsReportedWithoutAStackTrace() {
    Path missing = Path.of("no-such-dir/site.yaml");

    SourceException failure = assertThrows(SourceException.class, () -> Fixtures.read(missing));

    assertEquals(List.of("cannot read 'no-such-dir/site.yaml': no such file (check the path)"), failure.problems());
    assertEquals(null, failure.getCause());
  }

  @Test
  void aDirectoryIsNotAnInventoryFile(@TempDir Path directory) {
    SourceException failure = assertThrows(SourceException.class, () -> Fixtures.read(directory));

    assertEquals(List.of("cannot read '" + directory + "': it is a directory (give the path of an inventory file)"),
        failure.problems());
  }

  @Test
  void readingStopsAfterFiftyProblemsAndSaysMoreWereOmitted() {
    String[] lines = Fixtures.problems(Fixtures.path("many-problems.yaml")).split("\n");

    assertEquals(51, lines.length);
    assertEquals(Fixtures.expected("many-problems.yaml",
        "FILE:101:23: devices[49] (id 'cam-49').services[0].port: 0 is not a port (ports are 1 to 65535)"), lines[49]);
    assertEquals(Fixtures.expected("many-problems.yaml",
        "FILE: stopped after 50 problems; more were omitted (fix these and read the file again)"), lines[50]);
  }

  private static void assertProblems(String fixture, String expected) {
    assertEquals(Fixtures.expected(fixture, expected), Fixtures.problems(Fixtures.path(fixture)));
  }
}
