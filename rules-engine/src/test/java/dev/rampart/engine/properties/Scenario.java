package dev.rampart.engine.properties;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import java.util.List;

/**
 * Generated rules and the facts they are evaluated against; prints as the pack YAML and the facts,
 * which is what QuickTheories shows for a falsifying example.
 *
 * @param rules the rules of one pack
 * @param facts devices, networks and vendors with unique ids
 */
record Scenario(List<GeneratedRule> rules, List<Fact> facts) {

  Scenario {
    rules = List.copyOf(rules);
    facts = List.copyOf(facts);
  }

  String packYaml() {
    return GeneratedRule.packYaml(rules);
  }

  List<Device> devices() {
    return facts.stream().filter(Device.class::isInstance).map(Device.class::cast).toList();
  }

  @Override
  public String toString() {
    return "\n--- pack ---\n" + packYaml() + "--- facts ---\n" + FactText.describe(facts) + "\n";
  }
}
