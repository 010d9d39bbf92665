package dev.rampart.sources;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What identifies a fact: its type and id.
 *
 * @param type the fact's type
 * @param id the fact's id, unique among facts of its type
 */
@API(status = STABLE, since = "0.1")
public record FactKey(FactType type, String id) {

  public FactKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  /** The key of a fact. */
  public static FactKey of(Fact fact) {
    return new FactKey(fact.type(), fact.id());
  }

  /** {@code type/id}, e.g. {@code device/cam-1}. */
  @Override
  public String toString() {
    return type.wireName() + "/" + id;
  }
}
