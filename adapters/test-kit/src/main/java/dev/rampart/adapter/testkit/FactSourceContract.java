package dev.rampart.adapter.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every fact source meets. An adapter's test extends this class and supplies a
 * provider, one good input and the bad inputs it must refuse; the kit checks the rest:
 *
 * <ul>
 *   <li>the provider is found through {@link ServiceLoader} under a stable lower-case id;
 *   <li>reading the same input twice yields the same facts with the same ids (deterministic ids);
 *   <li>every fact carries an origin naming this source and a location (provenance);
 *   <li>every bad input fails with a {@link SourceException} whose problems name the place and
 *       contain no stack trace;
 *   <li>no connection goes to a host other than the configured ones (adapters build their HTTP
 *       clients with {@code ProxySelector.getDefault()}, which the kit watches);
 *   <li>a non-empty input never yields zero facts without a problem: it fails, or names the records
 *       it skipped;
 *   <li>a record the source cannot read is skipped with its place while the good records are read,
 *       and the strict read fails naming it.
 * </ul>
 */
public abstract class FactSourceContract {

  /** The provider under test. */
  protected abstract FactSourceProvider provider();

  /** A source configuration for a valid input with at least one fact. */
  protected abstract SourceConfig validSource() throws Exception;

  /** Inputs the source must refuse with a clear message. */
  protected abstract List<MalformedInput> malformedInputs() throws Exception;

  /**
   * Inputs that are not empty but hold nothing this source can turn into a fact (records all in a
   * shape it does not know, hosts without an address, a page of objects that are not devices). The
   * valid input is checked as well. An adapter whose every non-empty input yields a fact says why in
   * a comment and returns an empty list.
   */
  protected abstract List<NonEmptyInput> nonEmptyInputsWithoutFacts() throws Exception;

  /**
   * Inputs with good records and at least one bad one. A source with no records to tell apart (one
   * certificate, one document) says so in a comment and returns an empty list.
   */
  protected abstract List<PartlyBadInput> partlyBadInputs() throws Exception;

  /** Hosts the source may connect to while reading {@link #validSource()}. */
  protected Set<String> allowedHosts() {
    return Set.of("127.0.0.1", "localhost", "::1", "[::1]");
  }

  @Test
  void theProviderHasAStableLowerCaseId() {
    String id = provider().id();
    assertTrue(id.matches("[a-z][a-z0-9-]*"), "provider id '" + id + "' must be lower-case words joined by '-'");
  }

  @Test
  void theProviderIsFoundThroughServiceLoader() {
    List<String> found = ServiceLoader.load(FactSourceProvider.class).stream()
        .map(ServiceLoader.Provider::type).map(Class::getName).toList();
    assertTrue(found.contains(provider().getClass().getName()),
        provider().getClass().getName() + " is not registered in META-INF/services/" + FactSourceProvider.class.getName()
            + "; found " + found);
  }

  @Test
  void readingTheSameInputTwiceGivesTheSameFacts() throws Exception {
    List<Fact> first = read(validSource()).facts();
    List<Fact> second = read(validSource()).facts();
    assertFalse(first.isEmpty(), "the valid input must yield at least one fact");
    assertEquals(first, second, "fact ids and contents must not depend on the read (no random or time-based ids)");
  }

  @Test
  void everyFactCarriesTheOriginOfThisSource() throws Exception {
    RecordingSink read = read(validSource());
    for (int i = 0; i < read.facts().size(); i++) {
      Origin origin = read.origins().get(i);
      Fact fact = read.facts().get(i);
      assertEquals(provider().id(), origin.sourceId(), "origin of " + fact.type().wireName() + " '" + fact.id() + "'");
      assertFalse(origin.location().isBlank(), "origin of " + fact.type().wireName() + " '" + fact.id() + "' has no location");
    }
  }

  @Test
  void theSourceDescribesItselfWithItsId() throws Exception {
    FactSource source = provider().create(validSource());
    assertTrue(source.describe().startsWith(provider().id() + ":"),
        "describe() should read '" + provider().id() + ":LOCATION' but was '" + source.describe() + "'");
  }

  @TestFactory
  Stream<DynamicTest> badInputFailsWithAMessageThatNamesThePlaceAndNoStackTrace() throws Exception {
    return malformedInputs().stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> {
      try {
        read(input.config());
        fail(input.name() + ": the source accepted the input; it must throw SourceException");
      } catch (SourceException e) {
        assertFalse(e.problems().isEmpty(), "a SourceException needs problems");
        String first = e.problems().get(0);
        assertTrue(first.contains(input.expectedMessage()),
            input.name() + ": expected the message to contain '" + input.expectedMessage() + "' but was: " + first);
        for (String problem : e.problems()) {
          assertFalse(problem.contains("\tat ") || problem.contains("Exception:"),
              input.name() + ": messages must not carry stack traces or exception names: " + problem);
        }
      }
    }));
  }

  @Test
  void readingReachesNoHostButTheConfiguredOnes() throws Exception {
    Watcher watcher = new Watcher(ProxySelector.getDefault());
    ProxySelector.setDefault(watcher);
    try {
      read(validSource());
    } finally {
      ProxySelector.setDefault(watcher.delegate);
    }
    for (URI uri : watcher.seen) {
      assertTrue(allowedHosts().contains(uri.getHost()), "the source connected to " + uri + "; allowed: " + allowedHosts());
    }
  }

  @TestFactory
  Stream<DynamicTest> aNonEmptyInputNeverYieldsZeroFactsWithoutAProblem() throws Exception {
    List<NonEmptyInput> inputs = new ArrayList<>();
    inputs.add(new NonEmptyInput("the valid input", validSource()));
    inputs.addAll(nonEmptyInputsWithoutFacts());
    return inputs.stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> {
      RecordingSink read;
      try {
        read = RecordingSink.readPartially(provider().create(input.config()));
      } catch (SourceException e) {
        assertNoStackTrace(input.name(), e.problems());
        return;
      }
      assertFalse(read.facts().isEmpty() && read.skippedRecords().isEmpty(),
          input.name() + ": the source read a non-empty input and yielded no fact, no skipped record and no"
              + " failure; say what could not be read (SourceException, or FactSink.skipped per record)"
              + (read.problems().isEmpty() ? "" : "; its warnings alone do not fail a run: " + read.problems()));
    }));
  }

  @TestFactory
  Stream<DynamicTest> aRecordItCannotReadIsSkippedWithItsPlaceAndTheOthersAreRead() throws Exception {
    return partlyBadInputs().stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> {
      RecordingSink partly = RecordingSink.readPartially(provider().create(input.config()));
      assertFalse(partly.facts().isEmpty(), input.name() + ": the good records must still be read");
      assertFalse(partly.skippedRecords().isEmpty(), input.name() + ": the bad record must be reported as skipped");
      SkippedRecord first = partly.skippedRecords().get(0);
      assertEquals(provider().id(), first.origin().sourceId(), input.name() + ": the skipped record's origin");
      assertFalse(first.origin().location().isBlank(), input.name() + ": the skipped record has no location");
      assertTrue(first.problems().get(0).contains(input.expectedProblem()),
          input.name() + ": expected the skipped record's problem to contain '" + input.expectedProblem() + "' but was: "
              + first.problems().get(0));
      assertNoStackTrace(input.name(), first.problems());
      SourceException strict = assertThrows(SourceException.class, () -> read(input.config()),
          input.name() + ": read strictly, a source with a bad record must fail");
      assertTrue(strict.problems().stream().anyMatch(problem -> problem.contains(input.expectedProblem())),
          input.name() + ": the strict failure must name the bad record: " + strict.problems());
    }));
  }

  private static void assertNoStackTrace(String name, List<String> problems) {
    assertFalse(problems.isEmpty(), name + ": a SourceException needs problems");
    for (String problem : problems) {
      assertFalse(problem.contains("\tat ") || problem.contains("Exception:"),
          name + ": messages must not carry stack traces or exception names: " + problem);
    }
  }

  /** Reads a source completely. */
  protected RecordingSink read(SourceConfig config) throws SourceException {
    return RecordingSink.read(provider().create(config));
  }

  private static final class Watcher extends ProxySelector {
    final ProxySelector delegate;
    final List<URI> seen = Collections.synchronizedList(new ArrayList<>());

    Watcher(ProxySelector delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<Proxy> select(URI uri) {
      seen.add(uri);
      return delegate == null ? List.of(Proxy.NO_PROXY) : delegate.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
      if (delegate != null) {
        delegate.connectFailed(uri, address, e);
      }
    }
  }
}
