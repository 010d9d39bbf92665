package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.value.Problem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one place the loader's problems gather while a pack and its bases are read: every parser of
 * a pack file writes into the same collector, which places each problem in its file and rule, and
 * {@link #throwIfAny()} hands them on together as {@link PackProblems}.
 */
final class PackProblemCollector {

  private final String source;
  private final List<Problem> problems = new ArrayList<>();
  private @Nullable String ruleId;

  /** A collector for problems of the file or resource called {@code source}. */
  PackProblemCollector(String source) {
    this.source = source;
  }

  /** The file or resource name the problems are placed in. */
  String source() {
    return source;
  }

  /** Problems from now on are about this rule ({@code null}: about no rule). */
  void inRule(@Nullable String id) {
    this.ruleId = id;
  }

  /** A problem at a node, about the rule being read if any. */
  void add(@Nullable Node at, String message, @Nullable String suggestion) {
    add(at, ruleId, message, suggestion);
  }

  /** A problem at a node, about the rule named. */
  void add(@Nullable Node at, @Nullable String rule, String message, @Nullable String suggestion) {
    problems.add(new Problem(source, at == null ? 0 : at.line(), at == null ? 0 : at.column(), rule, message, suggestion));
  }

  /** Problems found elsewhere, e.g. in a base pack, each already placed in its own file. */
  void addAll(List<Problem> found) {
    problems.addAll(found);
  }

  /** How many problems were found so far, to tell whether a construct added any. */
  int count() {
    return problems.size();
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws every problem found, if there is one. */
  void throwIfAny() throws PackProblems {
    if (!problems.isEmpty()) {
      throw new PackProblems(problems);
    }
  }

  /** Every problem found, to be thrown now: a caller that cannot go on. */
  PackProblems stop() {
    return new PackProblems(problems);
  }
}
