package dev.rampart.adapter.awsiot;

import dev.rampart.adapter.testkit.FactSourceContract;
import dev.rampart.adapter.testkit.MalformedInput;
import dev.rampart.adapter.testkit.NonEmptyInput;
import dev.rampart.adapter.testkit.PartlyBadInput;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsIotContractTest extends FactSourceContract {

  static IotStub fleet;
  static IotStub denying;
  static IotStub partlyUnreadable;

  @BeforeAll
  static void startStubs() {
    fleet = IotStub.serving();
    partlyUnreadable = IotStub.serving("partly-unreadable");
    denying = IotStub.refusing(new IotStub.Refusal(403, "AccessDeniedException",
        "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iot:ListCACertificates"));
  }

  @AfterAll
  static void stopStubs() {
    fleet.close();
    denying.close();
    partlyUnreadable.close();
  }

  @Override
  protected FactSourceProvider provider() {
    return new AwsIotProvider(StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIDEXAMPLEONLY00000", "not-a-real-secret-key-used-in-tests-only")));
  }

  @Override
  protected SourceConfig validSource() {
    return new SourceConfig("eu-west-1", Map.of("endpoint", fleet.endpoint().toString()));
  }

  @Override
  protected List<MalformedInput> malformedInputs() {
    return List.of(
        new MalformedInput("access denied",
            new SourceConfig("eu-west-1", Map.of("endpoint", denying.endpoint().toString())),
            "cannot call iot:ListCACertificates: AWS answered HTTP 403 AccessDeniedException"),
        new MalformedInput("unknown region", SourceConfig.of("eu-wset-1"), "unknown AWS region 'eu-wset-1'"),
        new MalformedInput("not a region", SourceConfig.of("Ireland"), "'Ireland' is not an AWS region code"),
        new MalformedInput("unreachable endpoint",
            new SourceConfig("eu-west-1", Map.of("endpoint", "http://127.0.0.1:1")), "no connection to http://127.0.0.1:1"),
        new MalformedInput("a secret given as an option",
            new SourceConfig("eu-west-1", Map.of("secretAccessKey", "x")), "unknown option(s) secretAccessKey"));
  }

  /**
   * None: every read that does not fail hands over the account's deployment (its registry's CA
   * certificates, logging, role aliases and identity pools), even for a region without things, and a
   * thing the source cannot read is a skipped record (see {@link #partlyBadInputs()}).
   */
  @Override
  protected List<NonEmptyInput> nonEmptyInputsWithoutFacts() {
    return List.of();
  }

  @Override
  protected List<PartlyBadInput> partlyBadInputs() {
    return List.of(new PartlyBadInput("a thing whose certificate has a status this release does not know",
        new SourceConfig("eu-west-1", Map.of("endpoint", partlyUnreadable.endpoint().toString())),
        ": thing 'thermostat-01': certificate arn:aws:iot:eu-west-1:123456789012:cert/"
            + "ddd48f70a8e985bc7e5fa6073c4075078e07a43bec2f155e0f330887ee517c0c: status 'QUARANTINED' is not a"
            + " certificate status this release knows"));
  }
}
