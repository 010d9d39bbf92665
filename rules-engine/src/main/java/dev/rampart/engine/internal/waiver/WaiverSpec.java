package dev.rampart.engine.internal.waiver;

import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A waiver as its file states it, checked: what the API maps to its {@code Waiver}.
 *
 * @param rule a rule id, {@code PACK/ID}, or a pattern
 * @param factType the type of fact waived, or {@code null} for every type
 * @param factId the id or pattern of the facts waived, or {@code null} for every id
 * @param where a field the fact must have a given value in, or {@code null}
 * @param trustedSources the source types whose values {@code where} may match
 * @param justification why the findings are accepted
 * @param approvedBy who accepted them
 * @param expires the last day the waiver applies
 * @param location where the waiver is written, {@code file:line:column}
 * @param ticket the issue that tracks the exception, or {@code null}
 */
public record WaiverSpec(
    String rule,
    @Nullable FactType factType,
    @Nullable String factId,
    @Nullable FieldMatch where,
    List<String> trustedSources,
    String justification,
    String approvedBy,
    LocalDate expires,
    String location,
    @Nullable String ticket) {

  public WaiverSpec {
    Objects.requireNonNull(rule, "rule");
    trustedSources = List.copyOf(trustedSources);
    Objects.requireNonNull(justification, "justification");
    Objects.requireNonNull(approvedBy, "approvedBy");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(location, "location");
  }

  /** A field and the value it must have. */
  public record FieldMatch(FieldPath field, String equals) {

    public FieldMatch {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(equals, "equals");
    }
  }
}
