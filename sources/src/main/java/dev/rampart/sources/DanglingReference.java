package dev.rampart.sources;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.Problem;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A reference that names a fact no source reported, such as a device whose {@code vendorId} names
 * no vendor.
 *
 * @param from the fact that holds the reference
 * @param field the record component that holds it, e.g. {@code vendorId}
 * @param to the fact it names, which is missing
 */
@API(status = STABLE, since = "0.1")
public record DanglingReference(FactKey from, String field, FactKey to) {

  public DanglingReference {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(to, "to");
  }

  /** What is wrong: {@code device 'cam-1' refers to vendor 'acme', which no source reported}. */
  public String message() {
    return from.type().wireName() + " '" + from.id() + "' refers to " + to.type().wireName() + " '" + to.id()
        + "', which no source reported";
  }

  /** How to fix it: {@code add a vendor with id 'acme', or correct the reference}. */
  public String fix() {
    return "add a " + to.type().wireName() + " with id '" + to.id() + "', or correct the reference";
  }

  /**
   * The problem at the referring fact's place, e.g. {@code orphans.json:2:1: device 'cam-03' refers to ...
   * (add ...)}; a fact with no place (built in code) gives the message and fix alone.
   */
  public Problem problemAt(Origin referring) {
    return Problem.at(referring, "", message(), fix());
  }

  /** The message with its fix in parentheses, as problems are listed. */
  public String describe() {
    return message() + " (" + fix() + ")";
  }
}
