package dev.rampart.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignatureException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates fleet tables on Spark with the same packs, parameters and verdicts as
 * {@link dev.rampart.engine.ComplianceEngine}: each executor JVM builds one engine from the packs
 * shipped with the job, the rules each device decides alone run per partition, the rules about
 * networks, vendors and the deployment once, and uniqueness rules as a shuffle on the value compared.
 *
 * <pre>{@code
 * RampartSpark rampart = RampartSpark.builder()
 *     .builtinPack("iot-baseline")
 *     .parameter("maxFirmwareAge", "P180D")
 *     .now(Instant.parse("2026-11-25T00:00:00Z"))
 *     .build();
 * SparkEvaluation evaluation = rampart.evaluate(FactTables.builder().devices(devices).vendors(vendors).build());
 * evaluation.results().write().parquet("results");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RampartSpark implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * The default largest reference table (networks, vendors, the deployment), in rows, that is
   * broadcast to every executor; a larger one is joined to the devices by a shuffle.
   */
  public static final long DEFAULT_BROADCAST_ROWS = 200_000;

  private final EngineRecipe recipe;
  private final boolean allResults;
  private final long broadcastRows;

  private RampartSpark(EngineRecipe recipe, boolean allResults, long broadcastRows) {
    this.recipe = recipe;
    this.allResults = allResults;
    this.broadcastRows = broadcastRows;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The time durations are measured against, fixed on the driver for every executor. */
  public Instant now() {
    return recipe.now();
  }

  /** Whether the results hold every result, passes and rules not applicable too, rather than findings only. */
  public boolean allResults() {
    return allResults;
  }

  /**
   * Evaluates the tables: lazily, as Spark does, but for the reference tables, which are counted
   * (and, when small, collected for broadcast) now.
   */
  public SparkEvaluation evaluate(FactTables tables) {
    Objects.requireNonNull(tables, "tables");
    return new FleetJob(recipe, allResults, broadcastRows).run(tables);
  }

  /** Configures an evaluation on Spark: packs, parameters, the time and what to give. */
  public static final class Builder {

    private final List<PackText> packs = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private @Nullable Instant now;
    private @Nullable TrustedKeys trusted;
    private boolean allResults;
    private long broadcastRows = DEFAULT_BROADCAST_ROWS;

    private Builder() {}

    /**
     * A pack given as its YAML text; {@code name} names it in problems. A base it {@code extends} by a
     * relative path is not shipped: extend a built-in pack by id, or give the pack as a file.
     */
    public Builder pack(String name, String yaml) {
      packs.add(PackText.text(Objects.requireNonNull(name, "name"), Objects.requireNonNull(yaml, "yaml")));
      return this;
    }

    /**
     * A pack file, or the {@code pack.yaml} in a directory, read now with every file of its directory
     * (its signature and the bases it extends there among them), and shipped to the executors.
     *
     * @throws PackLoadException if the pack's files cannot be read, naming which and why
     */
    public Builder pack(Path file) throws PackLoadException {
      packs.add(PackText.files(Objects.requireNonNull(file, "file")));
      return this;
    }

    /** A built-in pack by id, e.g. {@code iot-baseline}; the executors need rampart-rule-packs too. */
    public Builder builtinPack(String id) {
      packs.add(PackText.builtin(Objects.requireNonNull(id, "id")));
      return this;
    }

    /** Overrides a parameter of every pack that declares it, as the CLI's {@code --param NAME=VALUE} does. */
    public Builder parameter(String name, String value) {
      parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The time durations are measured against; the default is the time {@link #build()} is called. */
    public Builder now(Instant now) {
      this.now = Objects.requireNonNull(now, "now");
      return this;
    }

    /**
     * Accept only packs signed by one of these keys (or built-in packs signed with the built-in key),
     * checked on the driver when the evaluation is built and again by every executor before it
     * evaluates anything. A pack given as text carries no signature and is refused.
     */
    public Builder requireSigned(TrustedKeys trusted) {
      this.trusted = Objects.requireNonNull(trusted, "trusted");
      return this;
    }

    /** Whether the results hold every result rather than the findings (FAIL, UNKNOWN, ERROR) only; default false. */
    public Builder allResults(boolean allResults) {
      this.allResults = allResults;
      return this;
    }

    /**
     * The largest reference table, in rows, broadcast to every executor; a larger one is joined to
     * the devices by a shuffle. The default is {@link #DEFAULT_BROADCAST_ROWS}.
     */
    public Builder broadcastRows(long rows) {
      if (rows < 0) {
        throw new IllegalArgumentException("broadcastRows must not be negative, not " + rows);
      }
      this.broadcastRows = rows;
      return this;
    }

    /**
     * Loads, verifies and compiles the packs on the driver, so that a bad pack fails here, before any
     * Spark job.
     *
     * @throws PackLoadException listing every problem of the packs or parameters
     * @throws PackSignatureException with {@link #requireSigned}, naming the pack refused and why
     */
    public RampartSpark build() throws PackLoadException, PackSignatureException {
      if (packs.isEmpty()) {
        throw new IllegalStateException("add at least one rule pack with pack(...) or builtinPack(...)");
      }
      EngineRecipe recipe = new EngineRecipe(packs, parameters, now == null ? Instant.now() : now,
          trusted == null ? null : trusted.keys().stream().map(key -> key.encoded()).toList());
      recipe.engineOnDriver();
      return new RampartSpark(recipe, allResults, broadcastRows);
    }
  }
}
