package dev.rampart.cli.input;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.Problem;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Ref;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The facts read from a user's inputs, each with the place it was defined. */
public final class Inventory {

  private final List<Fact> facts;
  private final List<Origin> origins;

  private Inventory(List<Fact> facts, List<Origin> origins) {
    this.facts = List.copyOf(facts);
    this.origins = List.copyOf(origins);
  }

  /**
   * Reads every location with one provider, in order.
   *
   * @throws SourceException with the problems of every location that could not be read, so a user
   *     sees all mistakes in one run
   */
  public static Inventory read(FactSourceProvider provider, List<String> locations) throws SourceException {
    List<Fact> facts = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String location : locations) {
      try {
        provider
            .create(SourceConfig.of(location))
            .read(
                (fact, origin) -> {
                  facts.add(fact);
                  origins.add(origin);
                });
      } catch (SourceException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
    return new Inventory(facts, origins);
  }

  /**
   * Reads every source with the provider of its type, in order.
   *
   * @throws SourceException with the problems of every source that could not be read, an unknown
   *     type listing the available ones
   */
  public static Inventory read(Sources sources, List<SourceSpec> specs) throws SourceException {
    List<Fact> facts = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (SourceSpec spec : specs) {
      try {
        sources.provider(spec.type())
            .create(spec.config())
            .read(
                (fact, origin) -> {
                  facts.add(fact);
                  origins.add(origin);
                });
      } catch (SourceException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
    return new Inventory(facts, origins);
  }

  /** Every fact, in the order read. */
  public List<Fact> facts() {
    return facts;
  }

  /** Where each fact was first defined. */
  public Map<FactKey, Origin> origins() {
    Map<FactKey, Origin> byKey = new LinkedHashMap<>();
    for (int i = 0; i < facts.size(); i++) {
      byKey.putIfAbsent(FactKey.of(facts.get(i)), origins.get(i));
    }
    return Collections.unmodifiableMap(byKey);
  }

  /**
   * Mistakes that make the facts unfit to evaluate, each prefixed with the place of the fact at
   * fault: two facts of one type with the same id, and references to facts that do not exist.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>(duplicateIds());
    problems.addAll(unknownReferences());
    return List.copyOf(problems);
  }

  private List<String> duplicateIds() {
    List<String> problems = new ArrayList<>();
    Map<FactKey, Origin> first = new LinkedHashMap<>();
    for (int i = 0; i < facts.size(); i++) {
      Fact fact = facts.get(i);
      Origin previous = first.putIfAbsent(FactKey.of(fact), origins.get(i));
      if (previous != null) {
        String type = fact.type().wireName();
        problems.add(
            origins.get(i) + ": duplicate " + type + " id '" + fact.id() + "', first defined at " + previous
                + " (give each " + type + " a unique id)");
      }
    }
    return problems;
  }

  private List<String> unknownReferences() {
    if (ComplianceEngine.checkReferences(facts).isEmpty()) {
      return List.of();
    }
    // The engine's problems do not say which fact holds the reference, so check each referring fact
    // alone against the facts it can refer to, and prefix what it finds with that fact's origin.
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < facts.size(); i++) {
      Fact fact = facts.get(i);
      Set<FactType> targets = referencedTypes(fact);
      if (targets.isEmpty()) {
        continue;
      }
      List<Fact> scope = new ArrayList<>();
      scope.add(fact);
      for (Fact other : facts) {
        if (other.type() != fact.type() && targets.contains(other.type())) {
          scope.add(other);
        }
      }
      for (Problem problem : ComplianceEngine.checkReferences(scope)) {
        problems.add(origins.get(i) + ": " + describe(problem));
      }
    }
    return problems;
  }

  private static Set<FactType> referencedTypes(Fact fact) {
    Set<FactType> types = EnumSet.noneOf(FactType.class);
    RecordComponent[] components = fact.getClass().getRecordComponents();
    if (components != null) {
      for (RecordComponent component : components) {
        Ref ref = component.getAnnotation(Ref.class);
        if (ref != null) {
          types.add(ref.value());
        }
      }
    }
    return types;
  }

  private static String describe(Problem problem) {
    return problem.suggestion() == null ? problem.message() : problem.message() + " (" + problem.suggestion() + ")";
  }
}
