package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.Problem;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Facts given to the engine share an id within one type, so results could not say which fact they
 * are about; {@link #duplicates()} names each id given more than once. An {@link
 * IllegalArgumentException}, as a caller's mistake in what it passes.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DuplicateFactIdException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<Duplicate> duplicates;

  /** @param duplicates each id given more than once, in the order found; at least one */
  public DuplicateFactIdException(List<Duplicate> duplicates) {
    super(format(duplicates));
    this.duplicates = List.copyOf(duplicates);
  }

  /** Each id given more than once, in the order found. */
  public List<Duplicate> duplicates() {
    return duplicates;
  }

  /** One problem for each id given more than once, in the model every Rampart error shares. */
  public List<Problem> details() {
    return duplicates.stream().map(Duplicate::problem).toList();
  }

  // Called before the constructor's own check could run, so an empty list is refused here.
  private static String format(List<Duplicate> duplicates) {
    if (duplicates.isEmpty()) {
      throw new IllegalArgumentException("a DuplicateFactIdException needs at least one duplicate");
    }
    return "facts must have unique ids per type; duplicated: "
        + String.join(", ", duplicates.stream().map(Duplicate::describe).toList());
  }

  /**
   * An id that more than one fact of a type has.
   *
   * @param type the type of the facts
   * @param id the id they share
   */
  public record Duplicate(FactType type, String id) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Duplicate {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(id, "id");
    }

    /** {@code device 'cam-1'}. */
    String describe() {
      return type.wireName() + " '" + id + "'";
    }

    Problem problem() {
      return new Problem("", 0, 0, "", describe() + " is given more than once",
          "give each " + type.wireName() + " its own id, or merge them into one fact");
    }
  }
}
