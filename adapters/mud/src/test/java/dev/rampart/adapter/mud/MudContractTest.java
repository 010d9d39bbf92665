package dev.rampart.adapter.mud;

import dev.rampart.adapter.testkit.FactSourceContract;
import dev.rampart.adapter.testkit.MalformedInput;
import dev.rampart.adapter.testkit.NonEmptyInput;
import dev.rampart.adapter.testkit.PartlyBadInput;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import java.util.List;
import java.util.Map;

class MudContractTest extends FactSourceContract {

  @Override
  protected FactSourceProvider provider() {
    return new MudProvider();
  }

  @Override
  protected SourceConfig validSource() {
    return new SourceConfig(Fixtures.location("lightbulb2000.json"), Map.of("devices", "bulb-01,bulb-02"));
  }

  @Override
  protected List<MalformedInput> malformedInputs() {
    return List.of(
        new MalformedInput("not a MUD file", mud("not-mud.json"), "not-mud.json:1:1: no 'ietf-mud:mud' container"),
        new MalformedInput("wrong version", mud("many-problems.json"),
            "many-problems.json:3:20: ietf-mud:mud.mud-version: mud-version is 2"),
        new MalformedInput("no from-device-policy", mud("no-from-device-policy.json"),
            "no-from-device-policy.json:2:19: ietf-mud:mud: no from-device-policy"),
        new MalformedInput("syntax error", mud("syntax-error.json"), "syntax-error.json:5:3: the file is not valid JSON"),
        new MalformedInput("no such file", new SourceConfig("no-such.json", Map.of("devices", "cam-01")),
            "cannot read 'no-such.json': no such file or directory (check the path)"),
        new MalformedInput("no devices named", SourceConfig.of(Fixtures.location("lightbulb2000.json")), "no device is named"),
        new MalformedInput("a file of the directory that is not there",
            new SourceConfig(Fixtures.location("catalogue"), Map.of("devices.camera-x10", "cam-01")),
            "option devices.camera-x10 names no MUD file of the directory"
                + " (files here: camera-x100, lightbulb2000, thermostat-t100)"));
  }

  private static SourceConfig mud(String fixture) {
    return new SourceConfig(Fixtures.location(fixture), Map.of("devices", "cam-01"));
  }

  @Override
  protected List<NonEmptyInput> nonEmptyInputsWithoutFacts() {
    return List.of(
        new NonEmptyInput("a JSON object that is not a MUD file", mud("not-mud.json")),
        new NonEmptyInput("a directory whose one named file is not a MUD file", new SourceConfig(
            Fixtures.location("catalogue-with-a-bad-file"), Map.of("devices.doorbell-d1", "bell-01,bell-02"))));
  }

  /**
   * Of a directory, each MUD file is a record. A single file is the one record of its source, so it has no
   * good records beside a bad one: its problems fail the source, as {@link #malformedInputs()} shows. An access
   * list entry is no record of its own: a device whose allowlist lacked an entry that could not be read would
   * look more restricted than its MUD file says.
   */
  @Override
  protected List<PartlyBadInput> partlyBadInputs() {
    return List.of(new PartlyBadInput("a directory with a file whose IPv6 match names an IPv4 address",
        new SourceConfig(Fixtures.location("catalogue-with-a-bad-file"), Map.of(
            "devices.camera-x100", "cam-01", "devices.doorbell-d1", "bell-01", "devices.lightbulb2000", "bulb-01")),
        "doorbell-d1.json:14:75: access list 'd1-fr'.aces.ace[0] ('cloud').matches.ipv6.destination-ipv6-network:"
            + " '192.168.1.1' is not an IPv6 network"));
  }
}
