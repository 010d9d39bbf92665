package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.waiver.FieldLookup;
import dev.rampart.engine.internal.waiver.FieldPathException;
import dev.rampart.engine.internal.waiver.Glob;
import dev.rampart.engine.internal.waiver.WaiverParser;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.RuleId;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An approved, time-limited exception: FAIL and UNKNOWN results of the rules it names, for the facts
 * it selects, are accepted until it expires. Load waivers from a file with {@link Waivers}, or build
 * them with {@link #forRule}; apply them with {@link Report#withWaivers}.
 *
 * @param rule a rule id, {@code packId/ruleId}, or a pattern where {@code *} stands for any
 *     characters and {@code ?} for one, e.g. {@code INT-*}
 * @param factType the type of fact waived, or {@code null} for every type
 * @param factId the id of the fact waived, or a pattern such as {@code cam-*}; {@code null} for every id
 * @param where a field the fact must have a given value in, or {@code null}
 * @param trustedSources the source types (as in {@code --source TYPE:...}, e.g. {@code inventory},
 *     {@code netbox}) whose values {@code where} may match; a value from any other source never
 *     selects a result, so a less-trusted source cannot switch a finding off. {@link
 *     #DEFAULT_TRUSTED_SOURCES} unless given
 * @param justification why the findings are accepted
 * @param approvedBy who accepted them
 * @param expires the last day (UTC) the waiver applies; it applies through this day
 * @param location where the waiver is defined, e.g. {@code waivers.yaml:4:5}; empty when built in code
 * @param ticket the issue that tracks the exception, e.g. {@code SEC-1234} or its URL; {@code null} when none
 */
@API(status = STABLE, since = "0.1")
public record Waiver(
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

  /** The sources a waiver trusts unless it says otherwise: the inventory only. */
  public static final List<String> DEFAULT_TRUSTED_SOURCES = WaiverParser.DEFAULT_TRUSTED_SOURCES;

  /**
   * @throws IllegalArgumentException if the rule, fact id, justification or approver is blank, the
   *     ticket is not one line of at most {@value #MAX_TICKET_LENGTH} characters without control characters,
   *     {@code where} names no plain field of the fact type (of any type when none is given), or
   *     {@code trustedSources} is empty or holds something that is not a source type
   */
  public Waiver {
    requireText(rule, "rule");
    trustedSources = List.copyOf(trustedSources);
    if (trustedSources.isEmpty()) {
      throw new IllegalArgumentException("waiver 'trustedSources' must name at least one source type, e.g. inventory");
    }
    for (String source : trustedSources) {
      if (!WaiverParser.isSourceType(source)) {
        throw new IllegalArgumentException("waiver 'trustedSources': '" + source
            + "' is not a source type (write one as in --source TYPE:..., e.g. inventory or azure-iot-hub)");
      }
    }
    if (factId != null) {
      requireText(factId, "factId");
    }
    requireText(justification, "justification");
    requireText(approvedBy, "approvedBy");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(location, "location");
    if (ticket != null) {
      String mistake = ticketMistake(ticket);
      if (mistake != null) {
        throw new IllegalArgumentException("waiver 'ticket' " + mistake);
      }
    }
    if (where != null) {
      try {
        if (factType == null) {
          FieldLookup.typesWith(where.path());
        } else {
          FieldLookup.resolve(factType, where.path());
        }
      } catch (FieldPathException e) {
        throw new IllegalArgumentException("waiver 'where' field: " + e.getMessage() + " (" + e.suggestion() + ")");
      }
    }
  }

  /** A waiver without a ticket. */
  public Waiver(String rule, @Nullable FactType factType, @Nullable String factId, @Nullable FieldMatch where,
      List<String> trustedSources, String justification, String approvedBy, LocalDate expires, String location) {
    this(rule, factType, factId, where, trustedSources, justification, approvedBy, expires, location, null);
  }

  /** A waiver that trusts the inventory only ({@link #DEFAULT_TRUSTED_SOURCES}), without a ticket. */
  public Waiver(String rule, @Nullable FactType factType, @Nullable String factId, @Nullable FieldMatch where,
      String justification, String approvedBy, LocalDate expires, String location) {
    this(rule, factType, factId, where, DEFAULT_TRUSTED_SOURCES, justification, approvedBy, expires, location, null);
  }

  /** The longest ticket a waiver takes: an issue key or a URL to it. */
  public static final int MAX_TICKET_LENGTH = WaiverParser.MAX_TICKET_LENGTH;

  /**
   * What is wrong with a ticket, e.g. {@code is empty}, or {@code null} when it is one line of at
   * most {@link #MAX_TICKET_LENGTH} characters without control characters.
   */
  static @Nullable String ticketMistake(String ticket) {
    return WaiverParser.ticketMistake(ticket);
  }

  /**
   * The last day the waiver applies counted from a time, in whole days (UTC): {@code 0} when it
   * expires that day, negative once it has expired.
   */
  public long daysLeftAt(Instant time) {
    return java.time.temporal.ChronoUnit.DAYS.between(time.atOffset(ZoneOffset.UTC).toLocalDate(), expires);
  }

  /** Starts a waiver of the rules matching an id or pattern, for every fact until narrowed. */
  public static Builder forRule(String rule) {
    return new Builder(rule);
  }

  /** Whether {@link #rule()} is a pattern rather than one rule's id. */
  public boolean isRulePattern() {
    return Glob.isPattern(rule);
  }

  /** Whether the waiver names this rule: by id, by {@code packId/id}, or by pattern. */
  public boolean appliesToRule(Rule candidate) {
    RuleId id = candidate.ruleId();
    return Glob.matches(rule, id.id()) || Glob.matches(rule, id.toString());
  }

  /** Whether {@code where} may match a value that came from a source of this type, e.g. {@code nmap}. */
  public boolean trusts(String sourceType) {
    return trustedSources.contains(sourceType);
  }

  /**
   * Whether the waiver covers a result, whatever its outcome and whether or not it has expired.
   * Which source the value {@code where} reads came from is not looked at here: {@link
   * Report#withWaivers(List, java.util.Collection, Provenance)} checks that it is trusted.
   *
   * @param fact the fact the result is about, needed when the waiver has a {@code where}; a waiver
   *     with one never covers a result whose fact is {@code null}
   */
  public boolean covers(RuleResult result, @Nullable Fact fact) {
    if (!appliesToRule(result.rule())
        || (factType != null && factType != result.factType())
        || (factId != null && !Glob.matches(factId, result.factId()))) {
      return false;
    }
    if (where == null) {
      return true;
    }
    if (fact == null || fact.type() != result.factType() || !fact.id().equals(result.factId())) {
      return false;
    }
    return where.matches(fact);
  }

  /** Whether the waiver still applies at the given time: on or before its expiry day, in UTC. */
  public boolean isValidAt(Instant time) {
    return !time.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(expires);
  }

  /**
   * Whether the waiver still applies at the given time and expires within the period after it: on
   * its expiry day, or before the day the period ends (UTC).
   */
  public boolean expiresWithin(Instant time, java.time.Period period) {
    return isValidAt(time) && !expires.isAfter(time.atOffset(ZoneOffset.UTC).toLocalDate().plus(period));
  }

  /**
   * What the waiver selects, e.g. {@code INT-* for device cam-* where attributes.site = dock}, {@code
   * INT-* for every device where attributes.env = lab (trusting inventory, netbox)}, {@code
   * INT-001 for cam-7} or {@code INT-001 for every network}.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add(rule);
    if (factId != null) {
      parts.add("for " + (factType == null ? "" : factType.wireName() + " ") + factId);
    } else {
      parts.add("for every " + (factType == null ? "fact" : factType.wireName()));
    }
    if (where != null) {
      parts.add("where " + where);
      if (!trustedSources.equals(DEFAULT_TRUSTED_SOURCES)) {
        parts.add("(trusting " + String.join(", ", trustedSources) + ")");
      }
    }
    return String.join(" ", parts);
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("waiver '" + name + "' must not be blank");
    }
  }

  /**
   * A field of the fact and the value it must have, compared as text (numbers by value, enumeration
   * values by their names in files). The path is resolved against the fact types once, when the
   * match is made; {@link #covers} only reads the value.
   */
  public static final class FieldMatch {

    private final FieldPath path;
    private final String equals;
    /** The path resolved against each fact type it names a plain field of. */
    private final Map<FactType, FieldLookup> lookups;

    /**
     * @param path a path to a plain field, e.g. {@code owner}, {@code firmware.version} or {@code attributes.site}
     * @param equals the value, e.g. {@code dock}
     */
    public FieldMatch(FieldPath path, String equals) {
      this.path = Objects.requireNonNull(path, "path");
      this.equals = Objects.requireNonNull(equals, "equals");
      Map<FactType, FieldLookup> resolved = new EnumMap<>(FactType.class);
      for (FactType type : FactType.values()) {
        try {
          resolved.put(type, FieldLookup.resolve(type, path));
        } catch (FieldPathException e) {
          // not a plain field of this type: the waiver's constructor says why when that matters
        }
      }
      this.lookups = Collections.unmodifiableMap(resolved);
    }

    /**
     * A match of the field a user wrote, e.g. {@code attributes.site}.
     *
     * @throws IllegalArgumentException if the text is not a field path, naming the column and the fix
     */
    public FieldMatch(String field, String equals) {
      this(parse(field), equals);
    }

    /** The path of the field. */
    public FieldPath path() {
      return path;
    }

    /** The path of the field as a waiver writes it, e.g. {@code attributes.site}. */
    public String field() {
      return path.text();
    }

    /** The value the field must have. */
    public String equals() {
      return equals;
    }

    /** Whether the fact's field has the value; never for a type the path names no plain field of. */
    boolean matches(Fact fact) {
      FieldLookup lookup = lookups.get(fact.type());
      return lookup != null && lookup.hasValue(fact, equals);
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof FieldMatch match && match.path.equals(path) && match.equals.equals(equals);
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + equals.hashCode();
    }

    /** {@code field = value}. */
    @Override
    public String toString() {
      return path + " = " + equals;
    }

    private static FieldPath parse(String field) {
      try {
        return FieldPath.parse(Objects.requireNonNull(field, "field"));
      } catch (FieldPath.InvalidFieldPathException e) {
        throw new IllegalArgumentException("waiver 'where' field: " + e.getMessage(), e);
      }
    }
  }

  /** Builds a {@link Waiver}; justification, approver and expiry are required. */
  public static final class Builder {

    private final String rule;
    private @Nullable FactType factType;
    private @Nullable String factId;
    private @Nullable FieldMatch where;
    private List<String> trustedSources = DEFAULT_TRUSTED_SOURCES;
    private @Nullable String justification;
    private @Nullable String approvedBy;
    private @Nullable LocalDate expires;
    private String location = "";
    private @Nullable String ticket;

    private Builder(String rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
    }

    public Builder factType(FactType factType) {
      this.factType = Objects.requireNonNull(factType, "factType");
      return this;
    }

    /** An id, or a pattern such as {@code cam-*}. */
    public Builder factId(String factId) {
      this.factId = Objects.requireNonNull(factId, "factId");
      return this;
    }

    /** Only facts whose field has this value, e.g. {@code where("attributes.site", "dock")}. */
    public Builder where(String field, String equals) {
      this.where = new FieldMatch(field, equals);
      return this;
    }

    /** The source types whose values {@code where} may match, e.g. {@code trustedSources("inventory", "netbox")}. */
    public Builder trustedSources(String... sourceTypes) {
      this.trustedSources = List.of(sourceTypes);
      return this;
    }

    public Builder justification(String justification) {
      this.justification = Objects.requireNonNull(justification, "justification");
      return this;
    }

    public Builder approvedBy(String approvedBy) {
      this.approvedBy = Objects.requireNonNull(approvedBy, "approvedBy");
      return this;
    }

    /** The last day the waiver applies. */
    public Builder expires(LocalDate expires) {
      this.expires = Objects.requireNonNull(expires, "expires");
      return this;
    }

    /** The issue that tracks the exception, e.g. {@code SEC-1234}. */
    public Builder ticket(String ticket) {
      this.ticket = Objects.requireNonNull(ticket, "ticket");
      return this;
    }

    /** Where the waiver is defined, for messages. */
    public Builder location(String location) {
      this.location = Objects.requireNonNull(location, "location");
      return this;
    }

    /**
     * @throws IllegalStateException if the justification, approver or expiry is missing
     * @throws IllegalArgumentException as {@link Waiver#Waiver} does
     */
    public Waiver build() {
      if (justification == null || approvedBy == null || expires == null) {
        throw new IllegalStateException("a waiver needs justification(...), approvedBy(...) and expires(...)");
      }
      return new Waiver(rule, factType, factId, where, trustedSources, justification, approvedBy, expires, location,
          ticket);
    }
  }
}
