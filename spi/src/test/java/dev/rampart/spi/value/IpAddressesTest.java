package dev.rampart.spi.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "192.0.2.5, 192.0.2.5",
      "0.0.0.0, 0.0.0.0",
      "2001:DB8::1, 2001:db8::1",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "::, ::",
      "::1, ::1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
      "::ffff:8.8.8.8, 8.8.8.8",
      "::ffff:0808:0808, 8.8.8.8",
      "0:0:0:0:0:ffff:c000:0205, 192.0.2.5",
      "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
  })
  void canonicalTextOfAnAddress(String written, String canonical) {
    assertEquals(Optional.of(canonical), IpAddresses.canonical(written));
  }

  @ParameterizedTest(name = "{0} is not an address")
  @ValueSource(strings = {
      "999.1.1.1", "010.0.0.1", "1.2.3", "1.2.3.4.5", "1.2.3.", "\uFF11.2.3.4", "1.2.3.4 ", "example.com",
      "1::2::3", "2001:db8::1%eth0", "12345::1", "::ffff:1.2.3.04", ":::", "", "1.2.3.-4", "::1.2.3",
  })
  void refusesWhatIsNotStrictlyAnAddress(String text) {
    assertFalse(IpAddresses.isAddress(text), text);
  }

  @ParameterizedTest(name = "{0} contains {1}")
  @CsvSource({
      "192.0.2.0/28, 192.0.2.5",
      "8.0.0.0/8, ::ffff:0808:0808",
      "::ffff:8.0.0.0/104, 8.8.8.8",
      "::/0, 2001:db8::1",
      "0.0.0.0/0, 10.1.2.3",
  })
  void networksContainTheirAddresses(String network, String address) {
    assertTrue(Cidr.parse(network).orElseThrow().contains(Cidr.parse(address).orElseThrow()));
  }

  @ParameterizedTest(name = "{0} does not contain {1}")
  @CsvSource({
      "192.0.2.0/28, 192.0.2.16",
      "::/0, 10.1.2.3",
      "0.0.0.0/0, 2001:db8::1",
  })
  void networksDoNotContainOtherAddresses(String network, String address) {
    assertFalse(Cidr.parse(network).orElseThrow().contains(Cidr.parse(address).orElseThrow()));
  }

  @ParameterizedTest(name = "{0} is not a network")
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/-1", "::/129", "10.0.0.0/8/8"})
  void refusesMalformedNetworks(String text) {
    assertFalse(Cidr.parse(text).isPresent(), text);
  }

  @ParameterizedTest(name = "{0} is canonically {1}")
  @CsvSource({"192.0.2.77/24, 192.0.2.0/24", "::0/0, ::/0", "10.0.0.1, 10.0.0.1/32", "::ffff:10.0.0.0/104, 10.0.0.0/8"})
  void canonicalNetworks(String written, String canonical) {
    assertEquals(canonical, Cidr.parse(written).orElseThrow().canonical());
  }
}
