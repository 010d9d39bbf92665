package dev.rampart.engine;

import dev.rampart.engine.value.Rule;
/** Rule packs of one device rule as YAML text, for tests that state a rule in a line or two. */
final class PackText {

  private PackText() {}

  /** A pack whose one rule R asserts the condition on devices. */
  static String deviceRule(String assertion) {
    return deviceRule("", "", assertion);
  }

  /**
   * A pack whose one rule R applies where {@code when} holds (none when empty) and asserts the
   * condition on devices.
   *
   * @param parameters the pack's {@code parameters:} entries, each a line, or empty
   */
  static String deviceRule(String parameters, String when, String assertion) {
    return header(parameters) + """
          - id: R
            title: Rule under test
            category: identity
            severity: high
            target: device
        """ + (when.isEmpty() ? "" : "    when: " + when + "\n") + "    assert: " + assertion + "\n";
  }

  /** The lines of a pack before its rules, which follow as the entries of {@code rules:}. */
  static String header(String parameters) {
    return """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: test, version: "1.0", title: Test pack}
        """ + (parameters.isEmpty() ? "" : "parameters:\n" + parameters.indent(2)) + "rules:\n";
  }
}
