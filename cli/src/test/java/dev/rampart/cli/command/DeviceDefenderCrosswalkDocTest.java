package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * docs/baseline-pack.md tells an AWS user, for each of AWS IoT Device Defender's 17 audit checks, which
 * rules are its equivalent, or why no rule can be.
 */
class DeviceDefenderCrosswalkDocTest {

  private static final Path DOC = Path.of("../docs/baseline-pack.md");

  @Test
  void everyAuditCheckIsListedWithItsRulesOrTheReasonNoneCoversIt() throws Exception {
    RulePack pack = RulePacks.builtin("iot-baseline");
    Framework defender = pack.framework("aws-iot-device-defender").orElseThrow();
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8).stream().map(DeviceDefenderCrosswalkDocTest::plain)
        .toList();

    Map<String, String> unanswered = new TreeMap<>();
    for (String check : defender.controls().keySet()) {
      List<String> mentions = lines.stream().filter(line -> line.contains(check)).toList();
      String reason = defender.notCovered().get(check);
      List<String> rules = pack.rules().stream()
          .filter(r -> r.references().getOrDefault(defender.key(), List.of()).contains(check)).map(Rule::id).toList();
      boolean answered = reason != null
          ? mentions.stream().anyMatch(line -> line.contains(plain(reason)))
          : !rules.isEmpty() && mentions.stream().anyMatch(line -> rules.stream().allMatch(id -> line.contains("[" + id + "]")));
      if (!answered) {
        unanswered.put(check, reason != null ? "its reason is not next to it" : "rules " + rules + " are not next to it");
      }
    }

    assertEquals(17, defender.controls().size());
    assertEquals(Map.of(), unanswered, "regenerate docs/baseline-pack.md with: ./rampart rules --pack iot-baseline"
        + " --format markdown > docs/baseline-pack.md");
  }

  // Markdown may escape or quote what the reason says; compare the words
  private static String plain(String text) {
    return text.replace("\\", "").replace("`", "").replaceAll("\\s+", " ");
  }
}
