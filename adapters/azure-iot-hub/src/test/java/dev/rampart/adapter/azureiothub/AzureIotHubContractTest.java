package dev.rampart.adapter.azureiothub;

import dev.rampart.adapter.testkit.FactSourceContract;
import dev.rampart.adapter.testkit.MalformedInput;
import dev.rampart.adapter.testkit.NonEmptyInput;
import dev.rampart.adapter.testkit.PartlyBadInput;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import java.util.List;
import java.util.Map;

class AzureIotHubContractTest extends FactSourceContract {

  @Override
  protected FactSourceProvider provider() {
    return new AzureIotHubProvider();
  }

  @Override
  protected SourceConfig validSource() {
    return SourceConfig.of(Fixtures.location("device-identity-list.json"));
  }

  @Override
  protected List<MalformedInput> malformedInputs() {
    return List.of(
        new MalformedInput("unknown authentication type", SourceConfig.of(Fixtures.location("bad-values.json")),
            "bad-values.json:3:27: [0] twin 'cam-20'.authenticationType: unknown authentication type 'x509'"),
        new MalformedInput("entry without deviceId", SourceConfig.of(Fixtures.location("missing-device-id.json")),
            "missing-device-id.json:2:3: [0]: no deviceId"),
        new MalformedInput("duplicate deviceId", SourceConfig.of(Fixtures.location("duplicate-device-id.json")),
            "duplicate-device-id.json:41:3: [1] twin 'cam-40': deviceId 'cam-40' appears again (first at 2:3)"),
        new MalformedInput("module twin", SourceConfig.of(Fixtures.location("module-twin.json")),
            "this is the twin of module 'edgeAgent', not of a device"),
        new MalformedInput("not a list", SourceConfig.of(Fixtures.location("not-a-list.json")),
            "not-a-list.json:1:1: expected a list of devices but found the text 'contoso-hub'"),
        new MalformedInput("cut short", SourceConfig.of(Fixtures.location("cut-short.json")),
            "cut-short.json:53:1: the file ends before every bracket is closed"),
        new MalformedInput("no such file", SourceConfig.of("no-such-export.json"),
            "cannot read 'no-such-export.json': no such file (check the path)"),
        new MalformedInput("an empty list", SourceConfig.of(Fixtures.location("empty-list.json")),
            "empty-list.json: the export is an empty list: it names no device"),
        new MalformedInput("unknown option", new SourceConfig(Fixtures.location("device-identity-list.json"),
            Map.of("hubName", "contoso-hub")), "unknown option(s) hubName"));
  }

  @Override
  protected List<NonEmptyInput> nonEmptyInputsWithoutFacts() {
    return List.of(
        new NonEmptyInput("an empty list", SourceConfig.of(Fixtures.location("empty-list.json"))),
        new NonEmptyInput("a list of numbers", SourceConfig.of(Fixtures.location("numbers.json"))),
        new NonEmptyInput("module twins only", SourceConfig.of(Fixtures.location("module-twin.json"))),
        new NonEmptyInput("twins without deviceId", SourceConfig.of(Fixtures.location("missing-device-id.json"))));
  }

  @Override
  protected List<PartlyBadInput> partlyBadInputs() {
    return List.of(
        new PartlyBadInput("one malformed twin of four",
            SourceConfig.of(Fixtures.location("one-malformed-twin-of-four.json")),
            "one-malformed-twin-of-four.json:52:27: [1] twin 'camera-07'.authenticationType: unknown authentication"
                + " type 'x509' (expected sas, selfSigned, certificateAuthority or none)"),
        new PartlyBadInput("a twin that is not an object", SourceConfig.of(Fixtures.location("twin-not-an-object.json")),
            "twin-not-an-object.json:51:3: [1]: expected a device twin (a JSON object) but found the text 'camera-07'"),
        new PartlyBadInput("a deviceId twice", SourceConfig.of(Fixtures.location("duplicate-device-id.json")),
            "duplicate-device-id.json:41:3: [1] twin 'cam-40': deviceId 'cam-40' appears again (first at 2:3)"));
  }
}
