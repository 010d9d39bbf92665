package dev.rampart.bench.jmh;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code java ... JfrHotMethods RECORDING.jfr [TOP]}: the hottest methods of a JFR recording as
 * Markdown tables: by self time (the sampled frame is the method) and by total time (the method is
 * anywhere on the sampled stack), each as a share of all execution samples, and the GC pause total.
 */
public final class JfrHotMethods {

  private JfrHotMethods() {}

  public static void main(String[] args) throws IOException {
    Path recording = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    Map<String, Long> phases = new HashMap<>();
    Map<String, Long> callers = new HashMap<>();
    long samples = 0;
    Duration gcPauses = Duration.ZERO;
    long gcs = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.GarbageCollection")) {
        gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
        gcs++;
      }
      if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      String hottest = name(frames.get(0).getMethod());
      self.merge(hottest, 1L, Long::sum);
      Set<String> seen = new HashSet<>();
      String rampartCaller = null;
      for (RecordedFrame frame : frames) {
        String name = name(frame.getMethod());
        if (rampartCaller == null && frame.getMethod().getType().getName().startsWith("dev.rampart.")) {
          rampartCaller = name;
        }
        // frames every sample passes through (main, picocli) say nothing
        String owner = frame.getMethod().getType().getName();
        if (seen.add(name) && !owner.startsWith("picocli.") && !owner.equals("dev.rampart.cli.Main")) {
          total.merge(name, 1L, Long::sum);
        }
      }
      phases.merge(phase(seen), 1L, Long::sum);
      callers.merge("`" + hottest + "` ← `" + (rampartCaller == null ? "(no Rampart frame)" : rampartCaller) + "`", 1L,
          Long::sum);
    }
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "%d execution samples; %d garbage collections, %.1f s of GC pauses in all.%n%n",
        samples, gcs, gcPauses.toMillis() / 1000.0);
    table(out, "Phase (the first of the phases listed in JfrHotMethods that is on the stack)",
        phases, samples, top, false);
    out.println();
    table(out, "Self (top frame)", self, samples, top, true);
    out.println();
    table(out, "Self, with the nearest Rampart method below it on the stack", callers, samples, top, false);
    out.println();
    table(out, "Total (anywhere on the stack)", total, samples, top + 15, true);
  }

  private static final String[][] PHASES = {
    {"JsonReport.write", "JSON report writing"},
    {"FleetRules.evaluate", "uniqueness rules (hash-partitioned sessions, after reading)"},
    {"StreamingEvaluation.evaluate", "device shards (Drools sessions on the worker threads)"},
    {"StreamingRun.evaluate", "device shards (rules judged on the worker threads)"},
    {"BatchEvaluation.evaluate", "device shards (Drools sessions on the worker threads)"},
    {"StreamingEvaluation.add", "handing facts to the engine (projection for uniqueness)"},
    {"StreamingRun.add", "handing facts to the engine (projection for uniqueness)"},
    {"StreamingEvaluation.finish", "building the result table"},
    {"StreamingRun.finish", "building the result table"},
    {"DroolsSession.settle", "rule firing (Drools fireAllRules)"},
    {"FactInputs.readInventory", "reading the inventory"},
    {"InventoryFileSource.read", "reading the inventory"},
    // a large JSON file's lists are bound on threads of their own, whose stacks start here
    {"ElementChunk.bindWith", "reading the inventory"},
    {"ComplianceEngine$Builder.build", "pack load + compile"},
    {"FactInputs.buildEngine", "pack load + compile"},
  };

  private static String phase(Set<String> stack) {
    for (String[] phase : PHASES) {
      if (stack.contains(phase[0])) {
        return phase[1];
      }
    }
    return "other (JVM start, class loading, GC threads are not sampled)";
  }

  private static void table(PrintStream out, String title, Map<String, Long> counts, long samples, int top, boolean quote) {
    out.println("| " + title + " | samples | % |");
    out.println("| --- | ---: | ---: |");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .forEach(e -> out.printf(Locale.ROOT, quote ? "| `%s` | %d | %.1f |%n" : "| %s | %d | %.1f |%n", e.getKey(), e.getValue(),
            100.0 * e.getValue() / Math.max(1, samples)));
  }

  private static String name(RecordedMethod method) {
    String type = method.getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName();
  }
}
