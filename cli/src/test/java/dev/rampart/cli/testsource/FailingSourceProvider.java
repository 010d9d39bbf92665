package dev.rampart.cli.testsource;

import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;

/**
 * A fact source, on the test class path only, that fails the way a JVM does when a bug meets a large
 * input: {@code failing:stack-overflow} throws a StackOverflowError, {@code failing:out-of-memory} an
 * OutOfMemoryError, so that tests can show what the command line makes of an {@link Error}.
 */
public final class FailingSourceProvider implements FactSourceProvider {

  @Override
  public String id() {
    return "failing";
  }

  @Override
  public FactSource create(SourceConfig config) {
    return new FactSource() {
      @Override
      public void read(FactSink sink) {
        switch (config.location()) {
          case "stack-overflow" -> throw new StackOverflowError();
          case "out-of-memory" -> throw new OutOfMemoryError("Java heap space");
          default -> throw new AssertionError("no such failure: " + config.location());
        }
      }

      @Override
      public String describe() {
        return "failing:" + config.location();
      }
    };
  }
}
