package dev.rampart.packtesting;

import dev.rampart.engine.RulePack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code rampart explain} command that shows why a case gave its outcome: the case's rule and fact,
 * the pack, the fixture's clock and parameters, and the fixture file itself read as an inventory (its
 * facts sit under {@code facts}).
 */
final class ExplainInvocation {

  // what a POSIX shell passes on unchanged; anything else is single-quoted
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");
  private static final String CLASSPATH = "classpath:";

  private ExplainInvocation() {}

  /**
   * The command line for a case, ready to paste into a shell; empty for a built-in pack, whose fixtures
   * are inside the rampart jar and no file the user can name.
   */
  static Optional<String> of(RulePack pack, TestCase testCase) {
    if (pack.source().startsWith(CLASSPATH) || testCase.file().name().startsWith(CLASSPATH)) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>(List.of("rampart", "explain",
        "--rule", testCase.expectation().ruleId(), "--fact", testCase.expectation().factId(),
        "--pack", pack.source(), "--now", testCase.now().toString()));
    testCase.parameters().forEach((name, value) -> words.addAll(List.of("--param", name + "=" + value)));
    words.addAll(List.of("--source", "inventory:" + testCase.file().name(),
        "--source-option", "embeddedAt=" + FixtureReader.FACTS));
    return Optional.of(String.join(" ", words.stream().map(ExplainInvocation::quote).toList()));
  }

  private static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
