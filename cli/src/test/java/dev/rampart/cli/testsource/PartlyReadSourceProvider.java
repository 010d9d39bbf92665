package dev.rampart.cli.testsource;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceConfig;

/**
 * A fact source, on the test class path only, that reads only part of what it holds, the way a
 * cloud API answers when the reading identity lacks a permission: {@code partly:ID} hands on a
 * device with that id and nothing else, and reports what it could not read as a problem that does
 * not stop the read.
 */
public final class PartlyReadSourceProvider implements FactSourceProvider {

  @Override
  public String id() {
    return "partly";
  }

  @Override
  public FactSource create(SourceConfig config) {
    return new FactSource() {
      @Override
      public void read(FactSink sink) {
        sink.accept(Device.builder(config.location()).build(), Origin.of("partly", config.location()));
        sink.problem(describe() + ": device '" + config.location() + "': its services were refused; they stay"
            + " unknown, so the rules over them are UNKNOWN (allow the reader to list services)");
      }

      @Override
      public String describe() {
        return "partly:" + config.location();
      }
    };
  }
}
