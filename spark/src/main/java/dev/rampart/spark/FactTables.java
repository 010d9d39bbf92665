package dev.rampart.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.spi.fact.FactType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apiguardian.api.API;

/**
 * The tables of one fleet, one per fact type, with columns named as the inventory format names its
 * fields (docs/inventory-format.md): nested records as structs, lists as arrays. Columns the format
 * does not know are ignored. A table left out holds no facts.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FactTables {

  private final Map<FactType, Dataset<Row>> tables;

  private FactTables(Map<FactType, Dataset<Row>> tables) {
    this.tables = Collections.unmodifiableMap(new EnumMap<>(tables));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The table of one fact type, if given. */
  public Optional<Dataset<Row>> table(FactType type) {
    return Optional.ofNullable(tables.get(Objects.requireNonNull(type, "type")));
  }

  /** Every table given, by fact type. */
  public Map<FactType, Dataset<Row>> tables() {
    return tables;
  }

  /** Collects the tables; each type at most once. */
  public static final class Builder {

    private final Map<FactType, Dataset<Row>> tables = new EnumMap<>(FactType.class);

    private Builder() {}

    public Builder devices(Dataset<Row> table) {
      return table(FactType.DEVICE, table);
    }

    public Builder networks(Dataset<Row> table) {
      return table(FactType.NETWORK, table);
    }

    public Builder vendors(Dataset<Row> table) {
      return table(FactType.VENDOR, table);
    }

    public Builder deployment(Dataset<Row> table) {
      return table(FactType.DEPLOYMENT, table);
    }

    /** The table of one fact type. */
    public Builder table(FactType type, Dataset<Row> table) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(table, "table");
      if (tables.putIfAbsent(type, table) != null) {
        throw new IllegalStateException("the " + type.wireName() + " table is given twice; give each type one table");
      }
      return this;
    }

    public FactTables build() {
      return new FactTables(tables);
    }
  }
}
