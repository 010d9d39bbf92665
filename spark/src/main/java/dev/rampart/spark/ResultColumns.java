package dev.rampart.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apiguardian.api.API;

/** The schemas of the datasets an evaluation on Spark gives, named as the JSON report names its fields. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ResultColumns {

  /** One piece of evidence: the field read, the value found, what was expected and where the value came from. */
  public static final StructType EVIDENCE = new StructType(new StructField[] {
      field("field", false),
      field("actual", false),
      field("expected", false),
      field("source", true),
      new StructField("absent", DataTypes.BooleanType, false, Metadata.empty()),
      new StructField("applicability", DataTypes.BooleanType, false, Metadata.empty())});

  /** A result: the JSON report's result fields. */
  public static final StructType RESULTS = new StructType(new StructField[] {
      field("ruleId", false),
      field("packId", false),
      field("factType", false),
      field("factId", false),
      field("outcome", false),
      field("severity", false),
      field("category", false),
      field("message", false),
      new StructField("evidence", new ArrayType(EVIDENCE, false), false, Metadata.empty()),
      new StructField("requirements", new ArrayType(DataTypes.StringType, false), false, Metadata.empty()),
      new StructField("references",
          DataTypes.createMapType(DataTypes.StringType, new ArrayType(DataTypes.StringType, false), false), false,
          Metadata.empty())});

  /**
   * A table row that could not be read as a fact: the table (a fact type's wire name), the fact's id
   * when it could be read, the row (its partition and position there), the column at fault when one
   * is, and the whole problem with its fix.
   */
  public static final StructType ERRORS = new StructType(new StructField[] {
      field("table", false),
      field("factId", true),
      field("row", false),
      field("column", true),
      field("message", false)});

  private ResultColumns() {}

  private static StructField field(String name, boolean nullable) {
    return new StructField(name, DataTypes.StringType, nullable, Metadata.empty());
  }
}
