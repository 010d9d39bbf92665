package dev.rampart.cli.command;

import dev.rampart.cli.command.SourceCheck.FieldCoverage;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.source.DisplayText;
import dev.rampart.spi.source.SkippedRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code rampart adapters --check} as text: what was read, what was skipped and why, and field coverage. */
final class SourceCheckText {

  private static final int WIDTH = 100;
  private static final String INDENT = "  ";

  private SourceCheckText() {}

  static void write(SourceCheck check, PrintWriter out) {
    List<String> options = new ArrayList<>();
    check.source().options().forEach((key, value) -> options.add(key + "=" + value));
    out.println(DisplayText.escape("Source " + check.source() + " (" + WireNames.of(check.role())
        + (options.isEmpty() ? "" : "; " + String.join(", ", options)) + ")"));
    out.println("Read: " + facts(check) + collected(check));
    section(out, "Skipped records", check.skipped().size(), skippedLines(check));
    section(out, "Warnings", check.warnings().size(), check.warnings());
    section(out, "Problems that make evaluate refuse these facts", check.problems().size(), check.problems());
    for (FieldCoverage coverage : check.coverage()) {
      out.println();
      coverage(coverage, out);
    }
    out.flush();
  }

  private static String facts(SourceCheck check) {
    if (check.facts().isEmpty()) {
      return "no facts";
    }
    List<String> types = new ArrayList<>();
    check.facts().forEach((type, count) -> {
      int standIns = check.standIns().getOrDefault(type, 0);
      types.add(plural(count, type.wireName()) + (standIns == 0 ? ""
          : " (" + standIns + " standing in for skipped records, every field unknown)"));
    });
    return String.join(", ", types);
  }

  private static String collected(SourceCheck check) {
    Instant earliest = check.earliest();
    Instant latest = check.latest();
    if (earliest == null || latest == null) {
      return "; the source gives no collection time";
    }
    return earliest.equals(latest) ? "; collected " + earliest : "; collected from " + earliest + " to " + latest;
  }

  private static List<String> skippedLines(SourceCheck check) {
    List<String> lines = new ArrayList<>();
    for (SkippedRecord record : check.skipped()) {
      lines.add(record.describeFact() + " at " + record.origin().describe()
          + (record.factId() == null ? ", not evaluated" : ", evaluated with every field unknown"));
      record.problems().forEach(problem -> lines.add(INDENT + problem));
    }
    return lines;
  }

  private static void section(PrintWriter out, String title, int count, List<String> lines) {
    if (count == 0) {
      out.println(title + ": none");
      return;
    }
    out.println(title + " (" + count + "):");
    // what sources report quotes their input: a fact id or a value may hold control characters
    lines.forEach(line -> out.println(INDENT + DisplayText.escape(line)));
  }

  private static void coverage(FieldCoverage coverage, PrintWriter out) {
    List<String> filled = coverage.filledFields();
    List<String> never = coverage.neverFilled();
    out.println("Field coverage of " + plural(coverage.facts(), coverage.type().wireName()) + ": "
        + filled.size() + " of " + coverage.filled().size() + " fields filled");
    int width = filled.stream().mapToInt(String::length).max().orElse(0);
    int countWidth = String.valueOf(coverage.facts()).length();
    for (String path : filled) {
      out.println(String.format(Locale.ROOT, "%s%-" + width + "s  %" + countWidth + "d  %5.1f%%",
          INDENT, path, coverage.filled().get(path), coverage.percent(path)));
    }
    if (never.isEmpty()) {
      out.println("Never filled: none");
      return;
    }
    out.println("Never filled (" + never.size() + "), so unknown from this source alone:");
    wrap(never, out);
  }

  private static void wrap(List<String> words, PrintWriter out) {
    StringBuilder line = new StringBuilder(INDENT);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i) + (i < words.size() - 1 ? "," : "");
      if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(INDENT);
      }
      line.append(line.length() > INDENT.length() ? " " : "").append(word);
    }
    out.println(line);
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
