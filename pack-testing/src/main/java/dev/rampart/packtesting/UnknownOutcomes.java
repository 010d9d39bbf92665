package dev.rampart.packtesting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which rules of a pack can come out UNKNOWN at all, from their conditions as the pack
 * format documents them, so coverage asks for an UNKNOWN case only where one can exist.
 *
 * <p>A rule can be UNKNOWN when, for some choice of which of its fields are absent, its
 * applicability is TRUE and its assertion UNKNOWN, or its applicability is UNKNOWN and its
 * assertion not TRUE. A present field may compare either way, and inside a quantifier each
 * element's fields may be absent or not. A field read in one place only is decided there: its
 * condition takes every value that absent or present gives, which answers the question exactly
 * without trying it both ways. Only fields read in several places (or under one another, as a
 * certificate's key size under the certificate) are tried absent and present together, and at most
 * {@value #MAX_ENUMERATED} of them; the others count as read in one place each. So the work per rule
 * is bounded by its size times 2^{@value #MAX_ENUMERATED}, and the answer errs towards "can": a
 * condition this class does not recognise counts as possibly UNKNOWN.
 */
final class UnknownOutcomes {

  /** The most fields tried absent and present together; the rest are decided where they are read. */
  private static final int MAX_ENUMERATED = 8;

  private static final String IF_ABSENT = "ifAbsent";
  private static final Set<String> QUANTIFIERS = Set.of("anyOf", "allOf", "noneOf");
  private static final Set<Truth> ANY = EnumSet.allOf(Truth.class);

  private UnknownOutcomes() {}

  /**
   * The ids of the rules that can come out UNKNOWN, among the given ones; a rule whose conditions
   * cannot be found in the text counts as one that can.
   */
  static Set<String> possible(String packYaml, Collection<String> ruleIds) {
    return possible(RuleTexts.of(List.of(packYaml)), ruleIds);
  }

  /** As {@link #possible(String, Collection)}, each rule read from the text of the pack that defines it. */
  static Set<String> possible(RuleTexts rules, Collection<String> ruleIds) {
    Set<String> possible = new HashSet<>();
    for (String id : ruleIds) {
      if (rules.rule(id).map(UnknownOutcomes::canBeUnknown).orElse(true)) {
        possible.add(id);
      }
    }
    return possible;
  }

  private static boolean canBeUnknown(JsonNode rule) {
    JsonNode when = rule.get("when");
    JsonNode assertion = rule.get("assert");
    if (assertion == null) {
      return true;
    }
    Map<String, Integer> reads = new LinkedHashMap<>();
    if (when != null) {
      collectFields(when, false, reads);
    }
    collectFields(assertion, false, reads);
    List<String> fields = new ArrayList<>();
    Set<String> free = new HashSet<>();
    for (String field : reads.keySet()) {
      if (fields.size() < MAX_ENUMERATED && (reads.get(field) > 1 || related(field, reads.keySet()))) {
        fields.add(field);
      } else {
        free.add(field);
      }
    }
    for (long mask = 0; mask < 1L << fields.size(); mask++) {
      Set<String> absent = new HashSet<>();
      for (int i = 0; i < fields.size(); i++) {
        if ((mask & 1L << i) != 0) {
          absent.add(fields.get(i));
        }
      }
      if (!consistent(absent, fields)) {
        continue;
      }
      Fields state = new Fields(absent, free);
      Set<Truth> applies = when == null ? EnumSet.of(Truth.TRUE) : eval(when, state, false);
      Set<Truth> holds = eval(assertion, state, false);
      boolean unknown = applies.contains(Truth.TRUE) && holds.contains(Truth.UNKNOWN)
          || applies.contains(Truth.UNKNOWN) && (holds.contains(Truth.UNKNOWN) || holds.contains(Truth.FALSE));
      if (unknown) {
        return true;
      }
    }
    return false;
  }

  /** Whether a field lies under another the rule reads, or another under it. */
  private static boolean related(String field, Set<String> fields) {
    for (String other : fields) {
      if (other.startsWith(field + ".") || field.startsWith(other + ".")) {
        return true;
      }
    }
    return false;
  }

  /** Which of a rule's fields are absent, and which are decided where they are read (either way). */
  private record Fields(Set<String> absent, Set<String> free) {}

  /** A field under an absent one cannot be present, e.g. a certificate's key size without the certificate. */
  private static boolean consistent(Set<String> absent, List<String> fields) {
    for (String field : fields) {
      if (!absent.contains(field)) {
        for (String other : absent) {
          if (field.startsWith(other + ".")) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The fields of the target fact that a condition reads; inside a quantifier only operands {field: X}. */
  private static void collectFields(JsonNode node, boolean inElement, Map<String, Integer> fields) {
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (key.equals("all") || key.equals("any")) {
        value.forEach(child -> collectFields(child, inElement, fields));
      } else if (key.equals("not")) {
        collectFields(value, inElement, fields);
      } else if (QUANTIFIERS.contains(key)) {
        if (!inElement) {
          add(fields, value.asText());
        }
        collectFields(node.path("where"), true, fields);
      } else if (key.equals("field")) {
        if (!inElement) {
          add(fields, value.asText());
        }
      } else if (!key.equals("where") && value.isObject() && value.has("field")) {
        add(fields, value.get("field").asText());
      }
    }
  }

  private static void add(Map<String, Integer> fields, String field) {
    fields.merge(field, 1, Integer::sum);
  }

  /** The truth values a condition can take when exactly the given fields of the target fact are absent. */
  private static Set<Truth> eval(JsonNode node, Fields fields, boolean inElement) {
    if (!node.isObject()) {
      return ANY;
    }
    if (node.has("all")) {
      return fold(node.get("all"), fields, inElement, Truth.TRUE, true);
    }
    if (node.has("any")) {
      return fold(node.get("any"), fields, inElement, Truth.FALSE, false);
    }
    if (node.has("not")) {
      return not(eval(node.get("not"), fields, inElement));
    }
    for (String quantifier : QUANTIFIERS) {
      if (node.has(quantifier)) {
        return quantified(quantifier, node, fields, inElement);
      }
    }
    return leaf(node, fields, inElement);
  }

  private static Set<Truth> fold(JsonNode children, Fields fields, boolean inElement, Truth start, boolean and) {
    if (!children.isArray()) {
      return ANY;
    }
    Set<Truth> result = EnumSet.of(start);
    for (JsonNode child : children) {
      Set<Truth> values = eval(child, fields, inElement);
      Set<Truth> next = EnumSet.noneOf(Truth.class);
      for (Truth a : result) {
        for (Truth b : values) {
          next.add(and ? a.and(b) : a.or(b));
        }
      }
      result = next;
    }
    return result;
  }

  private static Set<Truth> quantified(String quantifier, JsonNode node, Fields fields, boolean inElement) {
    String list = node.get(quantifier).asText();
    Set<Truth> result = EnumSet.noneOf(Truth.class);
    if (inElement) {
      result.add(Truth.UNKNOWN); // an element's list may be absent
    } else if (fields.absent.contains(list)) {
      return EnumSet.of(Truth.UNKNOWN);
    } else if (fields.free.contains(list)) {
      result.add(Truth.UNKNOWN);
    }
    Set<Truth> element = eval(node.path("where"), fields, true);
    boolean all = quantifier.equals("allOf");
    // an empty list, then any number of elements combined
    Set<Truth> combined = EnumSet.of(all ? Truth.TRUE : Truth.FALSE);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Truth a : EnumSet.copyOf(combined)) {
        for (Truth b : element) {
          grew |= combined.add(all ? a.and(b) : a.or(b));
        }
      }
    }
    result.addAll(quantifier.equals("noneOf") ? not(combined) : combined);
    return result;
  }

  /** A leaf's values; with {@code ifAbsent} (in a {@code when}) it takes that value instead of UNKNOWN. */
  private static Set<Truth> leaf(JsonNode node, Fields fields, boolean inElement) {
    Set<Truth> values = comparison(node, fields, inElement);
    JsonNode ifAbsent = node.get(IF_ABSENT);
    if (ifAbsent == null || !ifAbsent.isBoolean() || !values.contains(Truth.UNKNOWN)) {
      return values;
    }
    Set<Truth> decided = EnumSet.copyOf(values);
    decided.remove(Truth.UNKNOWN);
    decided.add(Truth.of(ifAbsent.asBoolean()));
    return decided;
  }

  private static Set<Truth> comparison(JsonNode node, Fields fields, boolean inElement) {
    String operator = null;
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("field") && !name.equals(IF_ABSENT)) {
        operator = name;
      }
    }
    if (operator == null) {
      return ANY;
    }
    JsonNode field = node.get("field");
    JsonNode operand = node.get(operator);
    if (operator.equals("exists")) {
      if (field == null || inElement) {
        return EnumSet.of(Truth.TRUE, Truth.FALSE);
      }
      if (fields.free.contains(field.asText())) {
        return EnumSet.of(Truth.TRUE, Truth.FALSE);
      }
      boolean present = !fields.absent.contains(field.asText());
      return EnumSet.of(Truth.of(present == operand.asBoolean()));
    }
    String other = operand.isObject() && operand.has("field") ? operand.get("field").asText() : null;
    if (other != null && fields.absent.contains(other)) {
      return EnumSet.of(Truth.UNKNOWN);
    }
    Set<Truth> result;
    if (inElement) {
      // an element's own field may be absent; a plain list element never is
      result = field == null ? EnumSet.of(Truth.TRUE, Truth.FALSE) : ANY;
    } else if (field == null) {
      result = ANY;
    } else if (fields.absent.contains(field.asText())) {
      return EnumSet.of(Truth.UNKNOWN);
    } else {
      result = fields.free.contains(field.asText()) ? ANY : EnumSet.of(Truth.TRUE, Truth.FALSE);
    }
    return other != null && fields.free.contains(other) ? ANY : result;
  }

  private static Set<Truth> not(Set<Truth> values) {
    Set<Truth> result = EnumSet.noneOf(Truth.class);
    values.forEach(value -> result.add(value.not()));
    return result;
  }

  /** Kleene's three truth values. */
  private enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    static Truth of(boolean value) {
      return value ? TRUE : FALSE;
    }

    Truth and(Truth other) {
      if (this == FALSE || other == FALSE) {
        return FALSE;
      }
      return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    Truth or(Truth other) {
      if (this == TRUE || other == TRUE) {
        return TRUE;
      }
      return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
    }

    Truth not() {
      return switch (this) {
        case TRUE -> FALSE;
        case FALSE -> TRUE;
        case UNKNOWN -> UNKNOWN;
      };
    }
  }
}
