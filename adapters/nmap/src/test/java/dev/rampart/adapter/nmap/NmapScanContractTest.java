package dev.rampart.adapter.nmap;

import dev.rampart.adapter.testkit.FactSourceContract;
import dev.rampart.adapter.testkit.MalformedInput;
import dev.rampart.adapter.testkit.NonEmptyInput;
import dev.rampart.adapter.testkit.PartlyBadInput;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import java.util.List;

/** The fact-source contract every adapter meets, applied to the nmap source. */
class NmapScanContractTest extends FactSourceContract {

  @Override
  protected FactSourceProvider provider() {
    return new NmapScanProvider();
  }

  @Override
  protected SourceConfig validSource() {
    return SourceConfig.of(Fixtures.path("structured.xml").toString());
  }

  @Override
  protected List<MalformedInput> malformedInputs() {
    return List.of(
        bad("normal output", "normal-output.nmap", "normal-output.nmap:1:1: this is not XML"),
        bad("another tool's XML", "not-nmap.xml", "not-nmap.xml:2:36: the root element is <scan>, not <nmaprun>"),
        bad("a truncated scan", "truncated.xml", "truncated.xml:27:61: the file ends in the middle of the scan"),
        bad("a billion laughs", "billion-laughs.xml", "billion-laughs.xml:15:34: the entity '&lol9;' is not declared"),
        bad("a missing file", "no-such-scan.xml", "no-such-scan.xml': no such file (check the path)"));
  }

  private static MalformedInput bad(String name, String fixture, String expected) {
    return new MalformedInput(name, SourceConfig.of(Fixtures.path(fixture).toString()), expected);
  }

  @Override
  protected List<NonEmptyInput> nonEmptyInputsWithoutFacts() {
    return List.of(
        new NonEmptyInput("a scan whose hosts were all down", scan("no-hosts.xml")),
        new NonEmptyInput("a list scan: hosts of unknown state", scan("records/list-scan.xml")),
        new NonEmptyInput("hosts that are up without an address", scan("records/no-address.xml")),
        new NonEmptyInput("masscan JSON whose records are not host records", scan("records/masscan-not-records.json")));
  }

  @Override
  protected List<PartlyBadInput> partlyBadInputs() {
    return List.of(
        new PartlyBadInput("nmap: a port number out of range", scan("records/one-bad-host.xml"),
            "one-bad-host.xml:13:37: host 10.110.3.11: <port portid=\"99999\"> is not a port number"),
        new PartlyBadInput("masscan -oJ: a protocol masscan never writes", scan("records/masscan-one-bad.json"),
            "masscan-one-bad.json:4:90: host 10.110.4.21: \"proto\" is the text 'tcpx', not a protocol masscan scans"),
        new PartlyBadInput("masscan --ndjson: a status nobody knows", scan("records/masscan-one-bad.ndjson"),
            "masscan-one-bad.ndjson:2:1: host 10.110.4.31: \"status\" is 'opened', not a port state"));
  }

  private static SourceConfig scan(String fixture) {
    return SourceConfig.of(Fixtures.path(fixture).toString());
  }
}
