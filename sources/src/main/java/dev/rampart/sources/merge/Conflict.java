package dev.rampart.sources.merge;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Sources disagreed on a field; the value from {@code chosen} was kept.
 *
 * @param field the field path, e.g. {@code firmware.version}; an element of a list merged as a union
 *     is named by its key, e.g. {@code services[3306/tcp].productVersion}
 * @param chosen the value kept and its origin
 * @param overruled the other values and their origins, in precedence order
 */
@API(status = STABLE, since = "0.1")
public record Conflict(FieldPath field, Claim chosen, List<Claim> overruled) {

  public Conflict {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(chosen, "chosen");
    overruled = List.copyOf(overruled);
  }

  /**
   * One source's value.
   *
   * @param value the value as text
   * @param origin where it came from
   */
  public record Claim(String value, Origin origin) {

    public Claim {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(origin, "origin");
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(field.text()).append(": kept ").append(chosen.value())
        .append(" from ").append(chosen.origin().describe());
    for (Claim claim : overruled) {
      text.append("; overruled ").append(claim.value()).append(" from ").append(claim.origin().describe());
    }
    return text.toString();
  }
}
