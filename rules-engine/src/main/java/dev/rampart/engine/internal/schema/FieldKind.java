package dev.rampart.engine.internal.schema;

/** The type of a field as rule packs see it. */
public enum FieldKind {
  STRING("string"),
  BOOLEAN("boolean"),
  INTEGER("integer"),
  DECIMAL("number"),
  DATE("date"),
  INSTANT("date-time"),
  ENUM("enumeration"),
  OBJECT("object"),
  LIST("list"),
  MAP("map"),
  ANY("attribute value"),
  REF_ONE("reference"),
  REF_MANY("list of references");

  private final String description;

  FieldKind(String description) {
    this.description = description;
  }

  /** A word for messages, e.g. "date-time". */
  public String description() {
    return description;
  }

  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  public boolean isTime() {
    return this == DATE || this == INSTANT;
  }

  public boolean isScalar() {
    return this != OBJECT && this != LIST && this != MAP && this != REF_ONE && this != REF_MANY;
  }
}
