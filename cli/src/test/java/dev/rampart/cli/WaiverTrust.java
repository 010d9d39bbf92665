package dev.rampart.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The waiver trust fixtures: the inventory says cam-lab-01 keeps its default password, and an Azure
 * IoT Hub export merged into it tags it {@code env: lab}; the waiver files waive lab devices, trusting
 * the inventory only ({@code inventory-only.yaml}) or the Azure export too ({@code trusting-azure.yaml}).
 */
public final class WaiverTrust {

  /** The directory of the fixtures. */
  public static final String FIXTURES = "src/test/resources/waivers/trust/";

  /**
   * The {@code waiversNotApplied} member, as the JSON and SARIF reports write it, for the waiver of
   * {@code inventory-only.yaml}.
   */
  public static final String NOT_APPLIED_JSON = """
      [{"rule":"TRU-001","location":"src/test/resources/waivers/trust/inventory-only.yaml:5:5",\
      "field":"attributes.env","source":"azure-iot-hub:src/test/resources/waivers/trust/lab.json:2:3",\
      "trustedSources":["inventory"],\
      "reason":"attributes.env came from azure-iot-hub:src/test/resources/waivers/trust/lab.json:2:3, \
      which this waiver does not trust (add azure-iot-hub to its trustedSources)"}]""";

  private WaiverTrust() {}

  /** {@code rampart evaluate} of the fixtures with the waiver file {@code waivers} and more arguments. */
  public static CliRun evaluate(String waivers, String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", FIXTURES + "site.yaml", "--source",
        "azure-iot-hub:" + FIXTURES + "lab.json", "--pack", FIXTURES + "pack.yaml", "--now", "2026-11-25",
        "--waivers", FIXTURES + waivers));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }
}
