package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.PackDef;
import java.util.List;

/**
 * Reads the text of each pack in a chain for {@link PackComposer}: plainly, or after checking the
 * pack's signature, which may refuse it with an exception of its own.
 *
 * @param <X> what the reader throws when it refuses a pack
 */
@FunctionalInterface
public interface PackReader<X extends Exception> {

  /** Reads each pack's text as it is, without any check. */
  PackReader<RuntimeException> PLAIN = (source, below) -> source.read();

  /**
   * The text of {@code source}.
   *
   * @param below the packs that extend this one, starting with the pack that was asked for; empty
   *     for that pack itself
   * @throws PackProblems saying why the text cannot be read
   */
  String read(PackSource source, List<PackSource> below) throws PackProblems, X;

  /**
   * Called once {@code source} has been parsed without mistakes, after its bases; {@code pack} holds
   * its own id and version. A reader that checks signatures compares them with what was signed.
   *
   * @param below as for {@link #read}
   */
  default void loaded(PackSource source, PackDef pack, List<PackSource> below) throws X {}
}
