package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Which operators apply to which field types; each refusal carries the fix. */
final class OperatorRules {

  private OperatorRules() {}

  /** {@code null} when the operator applies to the field, else a suggestion. */
  static @Nullable String check(Operator operator, Field field) {
    FieldKind kind = field.kind();
    return switch (operator) {
      case EXISTS -> null;
      case UNIQUE, UNIQUE_AMONG -> kind.isScalar() && kind != FieldKind.ANY ? null
          : "'" + operator.wireName() + "' needs a plain field such as credentials.fingerprint";
      case EQUALS, NOT_EQUALS, IN, NOT_IN -> kind.isScalar() ? null
          : kind == FieldKind.LIST ? "use 'contains' or a quantifier (anyOf, allOf, noneOf) on a list"
          : "use 'exists', or compare one of its fields";
      case GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST ->
          kind.isNumeric() || kind.isTime() || kind == FieldKind.ANY ? null : unordered(field);
      case MATCHES -> kind == FieldKind.STRING || kind == FieldKind.ANY ? null
          : kind == FieldKind.ENUM ? "use 'in' with the allowed values" : "'matches' tests text fields";
      case CONTAINS -> kind == FieldKind.STRING || kind == FieldKind.ANY
          || (kind == FieldKind.LIST && Objects.requireNonNull(field.element()).kind().isScalar())
          ? null : "'contains' tests text or a list of plain values; use a quantifier for lists of objects";
      case VERSION_AT_LEAST -> kind == FieldKind.STRING || kind == FieldKind.ANY ? null : "'versionAtLeast' tests version text";
      case OLDER_THAN, NEWER_THAN, WITHIN, BEYOND -> kind.isTime() ? null : "'" + operator.wireName() + "' tests a date or date-time field";
      case IN_CIDR -> kind == FieldKind.STRING ? null : "'inCidr' tests an IP address or network written as text";
      case WITHIN_ANY -> kind == FieldKind.STRING ? null
          : "'withinAny' tests an address, network or host name written as text; use a quantifier for a list";
      case COVERS_ALL -> isTextList(field) ? null : "'coversAll' tests a list of networks written as text";
      case REACHES_OTHER_DEVICES -> kind == FieldKind.STRING ? null
          : "'reachesOtherDevices' tests a policy resource written as text; use a quantifier for a list";
    };
  }

  /** The fix for an ordering operator (greaterThan, atLeast, ...) on a field whose values have no order. */
  static String unordered(Field field) {
    return field.kind() == FieldKind.ENUM
        ? "its values have no order: use 'in' with the values that pass, or 'equals' for one"
        : "compare numbers, dates or date-times";
  }

  /** {@code null} when a field operand can be compared with the field, else a suggestion. */
  static @Nullable String checkFieldOperand(Operator operator, Field left, Field right) {
    return switch (operator) {
      case EQUALS, NOT_EQUALS, GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST ->
          compatible(left, right) ? null : "compare fields of the same type";
      case IN, NOT_IN -> right.kind() == FieldKind.LIST && compatible(left, Objects.requireNonNull(right.element()))
          ? null : "'" + operator.wireName() + "' needs a list field of the same element type";
      case VERSION_AT_LEAST -> left.kind() == FieldKind.STRING && right.kind() == FieldKind.STRING
          ? null : "'versionAtLeast' compares two text fields";
      case IN_CIDR, WITHIN_ANY -> right.kind() == FieldKind.STRING || isTextList(right)
          ? null : "'" + operator.wireName() + "' needs a list of text (networks or host names) such as egressAllowlist";
      case CONTAINS -> left.kind() == FieldKind.LIST && compatible(Objects.requireNonNull(left.element()), right)
          ? null : "'contains' needs a plain field of the list's element type";
      default -> "'" + operator.wireName() + "' takes a literal value, not a field";
    };
  }

  private static boolean isTextList(Field field) {
    return field.kind() == FieldKind.LIST && Objects.requireNonNull(field.element()).kind() == FieldKind.STRING;
  }

  private static boolean compatible(Field a, Field b) {
    if (!a.kind().isScalar() || !b.kind().isScalar()) {
      return false;
    }
    if (a.kind() == FieldKind.ANY || b.kind() == FieldKind.ANY) {
      return true;
    }
    if (a.kind().isNumeric() && b.kind().isNumeric() || a.kind().isTime() && b.kind().isTime()) {
      return true;
    }
    return a.kind() == b.kind() && Objects.equals(a.enumType(), b.enumType());
  }
}
