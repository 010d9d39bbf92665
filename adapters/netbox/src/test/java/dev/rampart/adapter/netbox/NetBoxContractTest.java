package dev.rampart.adapter.netbox;

import static dev.rampart.adapter.netbox.RecordedNetBox.DEVICES;
import static dev.rampart.adapter.netbox.RecordedNetBox.DEVICES_2;
import static dev.rampart.adapter.netbox.RecordedNetBox.INTERFACES;
import static dev.rampart.adapter.netbox.RecordedNetBox.IP_ADDRESSES;
import static dev.rampart.adapter.netbox.RecordedNetBox.PREFIXES;
import static dev.rampart.adapter.netbox.RecordedNetBox.VLANS;
import static dev.rampart.adapter.netbox.RecordedNetBox.TOKEN;
import static dev.rampart.adapter.netbox.RecordedNetBox.page;

import dev.rampart.adapter.testkit.FactSourceContract;
import dev.rampart.adapter.testkit.MalformedInput;
import dev.rampart.adapter.testkit.NonEmptyInput;
import dev.rampart.adapter.testkit.PartlyBadInput;
import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordedServer.Reply;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;

/** The NetBox source meets the contract of every fact source, against a recorded NetBox on 127.0.0.1. */
class NetBoxContractTest extends FactSourceContract {

  @AutoClose
  private final RecordedServer netBox = RecordedNetBox.start();

  @Override
  protected FactSourceProvider provider() {
    Map<String, String> environment = Map.of("NETBOX_TOKEN", TOKEN, "NETBOX_OLD_TOKEN", "feedfacefeedfacefeedfacefeedfacefeedface");
    return new NetBoxProvider(environment::get, duration -> {}, Clock.systemUTC());
  }

  @Override
  protected SourceConfig validSource() {
    return new SourceConfig(netBox.url(""), Map.of("zoneMap", "cameras:iot,mgmt:management"));
  }

  @Override
  protected List<MalformedInput> malformedInputs() {
    netBox.answer("unauthorized", DEVICES, Reply.json(401, "{\"detail\": \"Authentication credentials were not provided.\"}"))
        .answer("moved", DEVICES, Reply.json(404, "{\"detail\": \"Not found.\"}"))
        .answer("failing", DEVICES, Reply.json(500, "{\"error\": \"server error\"}"), Reply.json(502, ""),
            Reply.json(500, "{\"error\": \"server error\"}"))
        .answer("cut-off", DEVICES_2, page("devices-2-truncated.json"))
        .answer("proxied", DEVICES, page("devices-next-elsewhere.json"))
        .answer("sso", DEVICES, new Reply(200, "text/html", Map.of(), "<html><body>Sign in</body></html>"))
        ;
    return List.of(
        new MalformedInput("401 Unauthorized", SourceConfig.of(netBox.url("unauthorized")), "HTTP 401 Unauthorized"),
        new MalformedInput("a token NetBox refuses",
            new SourceConfig(netBox.url(""), Map.of("tokenEnv", "NETBOX_OLD_TOKEN")),
            "HTTP 403 Forbidden: \"Invalid token\" (check that the token in $NETBOX_OLD_TOKEN is valid"),
        new MalformedInput("404 Not Found", SourceConfig.of(netBox.url("moved")), "is " + netBox.url("moved")
            + " the NetBox base URL?"),
        new MalformedInput("500 on every attempt", SourceConfig.of(netBox.url("failing")),
            "HTTP 500 Internal Server Error, 3 attempts in all"),
        new MalformedInput("a page cut off", SourceConfig.of(netBox.url("cut-off")),
            "the answer ends in the middle of the JSON at line 38"),
        new MalformedInput("a next link to another server", SourceConfig.of(netBox.url("proxied")),
            "the next page is at 'http://localhost:8000/api/dcim/devices/', which is not on " + netBox.url("proxied")),
        new MalformedInput("a login page instead of the API", SourceConfig.of(netBox.url("sso")),
            "the answer is 'text/html', not JSON"),
        new MalformedInput("an unreachable server", SourceConfig.of("http://127.0.0.1:1"), "cannot connect to 127.0.0.1:1"),
        new MalformedInput("no token", new SourceConfig(netBox.url(""), Map.of("tokenEnv", "RAMPART_NO_SUCH_VARIABLE")),
            "no API token: $RAMPART_NO_SUCH_VARIABLE is not set"));
  }

  @Override
  protected List<NonEmptyInput> nonEmptyInputsWithoutFacts() {
    only("not-objects", Reply.json(200, "{\"count\": 2, \"next\": null, \"previous\": null, \"results\": [\"cam-1\", 42]}"));
    only("no-ids", Reply.json(200, "{\"count\": 1, \"next\": null, \"previous\": null, \"results\": [{\"name\": \"cam-1\"}]}"));
    only("custom-statuses", page("devices-custom-status.json"));
    return List.of(
        new NonEmptyInput("a page of devices that are not objects", SourceConfig.of(netBox.url("not-objects"))),
        new NonEmptyInput("a device without an id", SourceConfig.of(netBox.url("no-ids"))),
        new NonEmptyInput("devices with statuses nobody mapped", SourceConfig.of(netBox.url("custom-statuses"))));
  }

  @Override
  protected List<PartlyBadInput> partlyBadInputs() {
    // each is read twice: in part, then strictly
    netBox.answer("custom", DEVICES, page("devices-custom-status.json"), page("devices-custom-status.json"))
        .answer("typo", DEVICES, page("devices-bad-date.json"), page("devices-bad-date.json"))
        .answer("leading-zero", DEVICES, page("devices-bad-address.json"), page("devices-bad-address.json"))
        .answer("bad-ip", IP_ADDRESSES, page("ip-addresses-bad.json"), page("ip-addresses-bad.json"));
    return List.of(
        new PartlyBadInput("a custom status nobody mapped", SourceConfig.of(netBox.url("custom")),
            "/api/dcim/devices/?limit=1000&exclude=config_context: results[0] (id 1, name 'status-custom'): status"
                + " {\"value\":\"retired\",\"label\":\"Retired\"} is not a NetBox device status (map it with the source"
                + " option statusMap, e.g. statusMap=retired:retired"),
        new PartlyBadInput("an end-of-support date that is not a date", SourceConfig.of(netBox.url("typo")),
            "results[0] (id 16, name 'gw-edge-01'): custom field 'end_of_support' is '31/07/2026', not a date"),
        new PartlyBadInput("an address the fact model refuses", SourceConfig.of(netBox.url("leading-zero")),
            "results[0] (id 16, name 'gw-edge-01'): ipAddresses[0] '192.168.050.2' is not an IP address"),
        new PartlyBadInput("an IP address that is none", SourceConfig.of(netBox.url("bad-ip")),
            "results[2] (id 103, address '10.30.0.300/24'): address \"10.30.0.300/24\" is not an IP address (correct"
                + " the address in NetBox, e.g. 192.0.2.10/24; device 'plc-line-1' is read with its MAC address, addresses"
                + " and networks unknown)"));
  }

  /** Answers a scenario with these devices and nothing else. */
  private void only(String scenario, Reply devices) {
    String empty = "{\"count\": 0, \"next\": null, \"previous\": null, \"results\": []}";
    netBox.answer(scenario, DEVICES, devices);
    for (String list : List.of(INTERFACES, IP_ADDRESSES, VLANS, PREFIXES)) {
      netBox.answer(scenario, list, Reply.json(200, empty));
    }
  }
}
