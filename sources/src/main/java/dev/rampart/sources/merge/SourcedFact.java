package dev.rampart.sources.merge;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceRole;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A fact as one source reported it.
 *
 * @param fact the fact
 * @param origin where the source defined it
 * @param role the source's role in this run: whether a device it reports is recorded, discovered or only described
 */
@API(status = INTERNAL, since = "0.1")
public record SourcedFact(Fact fact, Origin origin, SourceRole role) {

  public SourcedFact {
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(role, "role");
  }
}
