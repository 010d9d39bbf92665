package dev.rampart.packtesting;

import dev.rampart.sources.FactKey;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fixture file, read and checked against its pack: the facts, the expected outcomes, and the
 * clock and parameters to evaluate them with.
 *
 * @param file the file
 * @param facts the facts of its {@code facts} inventory
 * @param origins where each fact is defined in the file
 * @param expectations the cases, in file order
 * @param now the evaluation time
 * @param parameters parameter overrides by name, in file order
 * @param skipped the cases of rules the pack under test disabled, which a base's fixture may hold
 * @param from for a base pack's fixture, that base; {@code null} for the pack's own
 */
record Fixture(
    FixtureFile file,
    List<Fact> facts,
    Map<FactKey, Origin> origins,
    List<Expectation> expectations,
    Instant now,
    Map<String, Setting> parameters,
    List<Expectation> skipped,
    @Nullable LocatedPack from) {

  Fixture {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(now, "now");
    facts = List.copyOf(facts);
    origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    expectations = List.copyOf(expectations);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    skipped = List.copyOf(skipped);
  }

  /** The same fixture with only these of its cases. */
  Fixture withExpectations(List<Expectation> kept) {
    return new Fixture(file, facts, origins, kept, now, parameters, skipped, from);
  }

  /**
   * One parameter override.
   *
   * @param name the parameter
   * @param value its value as text, a list joined with commas
   * @param list a list's values as written, given to the engine as they are (an element may hold a
   *     comma or a bracket); {@code null} for a single value
   * @param place where it is written, {@code file:line:column}
   */
  record Setting(String name, String value, @Nullable List<String> list, String place) {}
}
