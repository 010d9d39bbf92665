package dev.rampart.sparkjob;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Rampart job for {@code spark-submit --class dev.rampart.sparkjob.RampartSparkJob}: {@code evaluate}
 * fleet tables into results and a summary, with the CLI's gate and exit codes; {@code generate} a
 * synthetic fleet as Parquet tables. {@code ./rampart-spark} runs it in local mode.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Command(
    name = "rampart-spark",
    mixinStandardHelpOptions = true,
    versionProvider = RampartSparkJob.Version.class,
    description = "Rampart on Apache Spark: the same packs and verdicts as 'rampart evaluate', over fleet tables.")
public final class RampartSparkJob {

  private RampartSparkJob() {}

  /** Runs the job and exits with its exit code. */
  public static void main(String[] args) {
    Sessions sessions = new Sessions();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, sessions);
    sessions.stop();
    System.exit(code);
  }

  /**
   * Runs the job's command line: usage and input errors are one message each on {@code err} and exit
   * code 2, never a stack trace.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<SparkSession> sessions) {
    CommandLine line = new CommandLine(new RampartSparkJob())
        .addSubcommand(new EvaluateJob(sessions))
        .addSubcommand(new GenerateJob(sessions));
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler((exception, command, parsed) -> failed(exception, err));
    int code = line.execute(args);
    err.flush();
    out.flush();
    return code;
  }

  private static int failed(Exception exception, PrintWriter err) {
    if (exception instanceof JobInputException input) {
      input.problems().forEach(problem -> err.println("rampart-spark: " + problem));
      return JobExit.INPUT_ERROR;
    }
    if (exception instanceof JobWriteException write) {
      err.println("rampart-spark: " + write.getMessage());
      return JobExit.INPUT_ERROR;
    }
    err.println("rampart-spark: internal error (" + exception.getClass().getSimpleName() + "): "
        + TableDirectory.firstLine(exception.getMessage()) + "; please report it with the command that failed");
    return JobExit.INTERNAL_ERROR;
  }

  /** The version in the jar's manifest, or {@code dev} when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = RampartSparkJob.class.getPackage().getImplementationVersion();
      return new String[] {"rampart-spark " + (version == null ? "dev" : version)};
    }
  }

  /** The session, started on first use: local mode on every core unless spark-submit or spark.master says otherwise. */
  private static final class Sessions implements Supplier<SparkSession> {
    private @Nullable SparkSession session;

    @Override
    public synchronized SparkSession get() {
      if (session == null) {
        SparkSession.Builder builder = SparkSession.builder().appName("rampart");
        if (!new SparkConf().contains("spark.master")) {
          builder.master("local[*]");
        }
        session = builder.getOrCreate();
      }
      return session;
    }

    synchronized void stop() {
      if (session != null) {
        session.stop();
      }
    }
  }
}
