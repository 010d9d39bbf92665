package dev.rampart.packtesting;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.value.Outcome;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Writes pack tests as JSON, the layout {@code docs/pack-test-schema.json} describes: per pack every case
 * (rule, fact, expected and actual outcome, whether it passed, its place) and the coverage.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PackTestJson {

  /** The layout version, MAJOR.MINOR: a minor version only adds fields. */
  public static final String SCHEMA_VERSION = "1.1";

  private static final JsonFactory JSON = new JsonFactory();

  private PackTestJson() {}

  /** Writes the tests of every pack, in the order given, as one document. */
  public static void write(List<PackTestResult> results, Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("schemaVersion", SCHEMA_VERSION);
      json.writeArrayFieldStart("packs");
      for (PackTestResult result : results) {
        writePack(json, result);
      }
      json.writeEndArray();
      json.writeNumberField("passed", results.stream().mapToLong(PackTestResult::passed).sum());
      json.writeNumberField("failed", results.stream().mapToLong(PackTestResult::failed).sum());
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  private static void writePack(JsonGenerator json, PackTestResult result) throws IOException {
    json.writeStartObject();
    Optional<RulePack> loaded = result.pack();
    json.writeStringField("pack", loaded.map(RulePack::id).orElse(result.given()));
    if (loaded.isPresent()) {
      json.writeStringField("version", loaded.get().version());
      json.writeStringField("source", loaded.get().source());
      if (loaded.get().base().isPresent()) {
        json.writeStringField("base", loaded.get().base().get());
      }
    }
    json.writeNumberField("exitCode", result.exitCode());
    json.writeArrayFieldStart("problems");
    for (String problem : result.problems()) {
      json.writeString(problem);
    }
    json.writeEndArray();
    if (loaded.isPresent() && result.problems().isEmpty()) {
      json.writeStringField("fixtures", result.folder());
      json.writeNumberField("fixtureFiles", result.files());
      json.writeArrayFieldStart("cases");
      for (TestCase testCase : result.cases()) {
        writeCase(json, loaded.get(), testCase);
      }
      json.writeEndArray();
      if (loaded.get().base().isPresent()) {
        writeSkipped(json, loaded.get(), result.skipped());
        json.writeNumberField("replaced", result.replaced());
      }
      writeCoverage(json, result.coverage().orElseThrow());
      json.writeNumberField("passed", result.passed());
      json.writeNumberField("failed", result.failed());
    }
    json.writeEndObject();
  }

  private static void writeCase(JsonGenerator json, RulePack pack, TestCase testCase) throws IOException {
    Expectation expectation = testCase.expectation();
    json.writeStartObject();
    json.writeStringField("rule", expectation.ruleId());
    json.writeStringField("fact", expectation.factId());
    json.writeStringField("expected", expectation.expected().name());
    json.writeStringField("actual", testCase.actual().outcome().name());
    json.writeBooleanField("passed", testCase.passed());
    json.writeStringField("place", expectation.place());
    json.writeStringField("factPlace", testCase.factOrigin().toString());
    json.writeStringField("message", testCase.actual().message());
    if (!testCase.passed()) {
      Optional<String> explain = ExplainInvocation.of(pack, testCase);
      if (explain.isPresent()) {
        json.writeStringField("explain", explain.get());
      }
    }
    if (testCase.inherited().isPresent()) {
      Inheritance inheritance = testCase.inherited().get();
      json.writeStringField("inheritedFrom", inheritance.basePack());
      if (inheritance.baseGives().isPresent()) {
        json.writeStringField("baseGives", inheritance.baseGives().get().name());
        json.writeArrayFieldStart("changedParameters");
        for (Inheritance.Change change : inheritance.changedParameters()) {
          json.writeStartObject();
          json.writeStringField("name", change.name());
          json.writeStringField("base", change.baseDefault());
          json.writeStringField("pack", change.packDefault());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
    }
    json.writeEndObject();
  }

  private static void writeSkipped(JsonGenerator json, RulePack pack, List<SkippedCase> skipped) throws IOException {
    json.writeArrayFieldStart("skipped");
    for (SkippedCase skippedCase : skipped) {
      json.writeStartObject();
      json.writeStringField("rule", skippedCase.expectation().ruleId());
      json.writeStringField("fact", skippedCase.expectation().factId());
      json.writeStringField("expected", skippedCase.expectation().expected().name());
      json.writeStringField("place", skippedCase.expectation().place());
      json.writeStringField("disabledBy", skippedCase.disabledBy());
      json.writeStringField("reason", skippedCase.rule().reason());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeCoverage(JsonGenerator json, Coverage coverage) throws IOException {
    json.writeObjectFieldStart("coverage");
    json.writeBooleanField("complete", coverage.complete());
    json.writeArrayFieldStart("rules");
    for (Coverage.RuleCoverage rule : coverage.rules()) {
      json.writeStartObject();
      json.writeStringField("rule", rule.rule().id());
      json.writeBooleanField("covered", rule.covered());
      json.writeArrayFieldStart("seen");
      for (Outcome outcome : rule.seen()) {
        json.writeString(outcome.name());
      }
      json.writeEndArray();
      json.writeBooleanField("unknownPossible", rule.unknownPossible());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("requirements");
    for (Coverage.RequirementCoverage requirement : coverage.requirements()) {
      json.writeStartObject();
      json.writeStringField("id", requirement.id());
      json.writeBooleanField("covered", requirement.covered());
      writeStrings(json, "servedBy", requirement.servedBy());
      writeStrings(json, "coveredBy", requirement.coveredBy());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
