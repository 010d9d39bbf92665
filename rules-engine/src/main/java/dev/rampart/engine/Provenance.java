package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Evidence;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Where the values of the evaluated facts came from, so that evidence can name its source. Given to
 * {@link ComplianceEngine#evaluate(java.util.Collection, Provenance)}; a merge of several sources
 * ({@code dev.rampart.sources.merge.MergedFact#originOf}) answers it field by field.
 *
 * <p>Evidence that reads through a reference asks about the referenced fact: for a device,
 * {@code vendor.disclosureProgram} is looked up as {@code disclosureProgram} of the vendor the
 * device's {@code vendorId} names, and {@code networks[corp].zone} as {@code zone} of network
 * {@code corp}.
 */
@API(status = STABLE, since = "0.1")
@FunctionalInterface
public interface Provenance {

  /** No provenance: evidence names no source. */
  static Provenance none() {
    return NoProvenance.INSTANCE;
  }

  /**
   * The origin of a value, or {@code null} when it is not known.
   *
   * @param type the type of the fact holding the value
   * @param factId the id of that fact
   * @param path the path read, relative to the fact, e.g. {@code services[1].port} or {@code attributes.site}
   */
  @Nullable Origin originOf(FactType type, String factId, FieldPath path);

  /**
   * Why a fact could not be read, when it stands in for a record its source skipped (a
   * {@code dev.rampart.spi.source.SkippedRecord}: only its id is known), or {@code null} for a fact
   * read in full. Every result for such a fact is UNKNOWN with this reason, whatever its empty
   * fields would otherwise make of it; {@code dev.rampart.sources.Inventory#unreadable} answers it.
   *
   * @param type the fact's type
   * @param factId the fact's id
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  default @Nullable String unreadable(FactType type, String factId) {
    return null;
  }
}
