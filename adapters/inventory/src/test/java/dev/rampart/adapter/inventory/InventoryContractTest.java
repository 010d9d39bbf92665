package dev.rampart.adapter.inventory;

import dev.rampart.adapter.testkit.FactSourceContract;
import dev.rampart.adapter.testkit.MalformedInput;
import dev.rampart.adapter.testkit.NonEmptyInput;
import dev.rampart.adapter.testkit.PartlyBadInput;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import java.util.List;
import java.util.Map;

/** The inventory source meets the contract of every fact source. */
class InventoryContractTest extends FactSourceContract {

  @Override
  protected FactSourceProvider provider() {
    return new InventoryFileProvider();
  }

  @Override
  protected SourceConfig validSource() {
    return inventory("complete.yaml");
  }

  @Override
  protected List<MalformedInput> malformedInputs() {
    return List.of(
        new MalformedInput("no such file", SourceConfig.of("no-such-inventory.yaml"),
            "cannot read 'no-such-inventory.yaml': no such file (check the path)"),
        new MalformedInput("a directory", SourceConfig.of(Fixtures.DIRECTORY.toString()),
            "': it is a directory (give the path of an inventory file)"),
        new MalformedInput("YAML syntax", inventory("yaml-tab.yaml"),
            "yaml-tab.yaml:3:1: a tab character is used for indentation (indent with spaces only)"),
        new MalformedInput("JSON syntax", inventory("json-syntax.json"),
            "json-syntax.json:3:39: unexpected character '}' (remove the comma before '}')"),
        new MalformedInput("not UTF-8", inventory("not-utf8.yaml"),
            "not-utf8.yaml:3:15: the file is not valid UTF-8 text (save it with UTF-8 encoding)"),
        new MalformedInput("a record without an id", inventory("missing-id.yaml"),
            "missing-id.yaml:2:5: vendors[0]: missing id (give each vendor a unique, non-blank 'id')"),
        new MalformedInput("one id twice", inventory("duplicate-id.yaml"),
            "duplicate-id.yaml:8:5: devices[2]: duplicate device id 'cam-01'"),
        new MalformedInput("an unknown option", new SourceConfig("site.yaml", Map.of("format", "yaml")),
            "inventory source 'site.yaml': unknown option(s) format"),
        new MalformedInput("an embedded inventory that is not there",
            new SourceConfig(Fixtures.path("embedded-missing.yaml").toString(), Map.of("embeddedAt", "facts")),
            "embedded-missing.yaml: no top-level key 'facts' holds the inventory"));
  }

  private static SourceConfig inventory(String fixture) {
    return SourceConfig.of(Fixtures.path(fixture).toString());
  }

  @Override
  protected List<NonEmptyInput> nonEmptyInputsWithoutFacts() {
    return List.of(
        new NonEmptyInput("only comments", inventory("comments-only.yaml")),
        new NonEmptyInput("every section there and empty", inventory("empty-sections.yaml")),
        new NonEmptyInput("an empty device list in JSON", inventory("empty-sections.json")),
        new NonEmptyInput("every device bad", inventory("every-device-bad.yaml")),
        new NonEmptyInput("device names where objects belong", inventory("device-names-only.yaml")));
  }

  @Override
  protected List<PartlyBadInput> partlyBadInputs() {
    return List.of(
        new PartlyBadInput("a vendor date in another form", inventory("partly-bad.yaml"),
            "partly-bad.yaml:7:24: vendors[1] (id 'globex').patchSupportUntil: expected a date such as 2027-06-30"
                + " but found \"30/06/2030\" (write dates as YYYY-MM-DD)"),
        new PartlyBadInput("a zone nobody knows, in JSON", inventory("partly-bad.json"),
            "partly-bad.json:4:31: networks[1] (id 'cameras').zone: unknown value 'Cameras'"),
        new PartlyBadInput("a deployment written as a list", inventory("deployment-not-an-object.yaml"),
            "deployment-not-an-object.yaml:2:3: deployment: expected an object but found a list"),
        new PartlyBadInput("one id twice", inventory("duplicate-id.yaml"),
            "duplicate-id.yaml:8:5: devices[2]: duplicate device id 'cam-01'"));
  }
}
