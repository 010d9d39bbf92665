package dev.rampart.adapter.inventory;

import dev.rampart.adapter.inventory.CertificateReferences.Reference;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import org.jspecify.annotations.Nullable;

/**
 * One element of an inventory list as its binding left it: a fact, or the problems that kept it
 * from being one. What must follow the file's order (the duplicate-id check, resolving a certificate
 * reference, handing over to the sink) is left to the reader.
 */
sealed interface BoundElement {

  /** Where the element starts. */
  TextPosition start();

  /**
   * An element bound to its fact.
   *
   * @param reference the certificate it references by {@code pem} or {@code file}, still to be resolved
   */
  record Bound(TextPosition start, Fact fact, @Nullable Reference reference) implements BoundElement {}

  /**
   * An element that could not be bound.
   *
   * @param id its id, when the parser passed one
   * @param problems its problems
   */
  record Unbound(TextPosition start, @Nullable String id, SourceProblems problems) implements BoundElement {}
}
