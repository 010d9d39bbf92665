package dev.rampart.adapter.awsiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

  @Test
  void oneStatementAndOneActionMayBeWrittenWithoutAList() throws Exception {
    PolicyDocument policy = PolicyDocument.parse("""
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iot:*", "Resource": "*"}}
        """);

    assertEquals(PolicyDocument.allowing(List.of("iot:*"), List.of("*")), policy);
  }

  @Test
  void denyStatementsGrantNothingAndAreKeptApart() throws Exception {
    PolicyDocument policy = PolicyDocument.parse("""
        {"Statement": [
          {"Effect": "Allow", "Action": ["iot:Connect"], "Resource": ["arn:aws:iot:eu-west-1:1:client/a"]},
          {"Effect": "Deny", "Action": ["iot:Publish"], "Resource": ["*"]}
        ]}
        """);

    assertEquals(new PolicyDocument(List.of("iot:Connect"), List.of("arn:aws:iot:eu-west-1:1:client/a"),
        List.of("iot:Publish"), List.of("*")), policy);
  }

  @Test
  void mqttWildcardsAndPolicyVariablesStayAsWritten() throws Exception {
    // MQTT topic filters with the multi-level wildcard # and the single-level wildcard +.
    PolicyDocument policy = PolicyDocument.parse("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "iot:Subscribe",
           "Resource": ["arn:aws:iot:eu-west-1:1:topicfilter/#", "arn:aws:iot:eu-west-1:1:topicfilter/+/status"]},
          {"Effect": "Deny", "Action": "iot:Subscribe",
           "Resource": "arn:aws:iot:eu-west-1:1:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/#"}
        ]}
        """);

    assertEquals(new PolicyDocument(List.of("iot:Subscribe"),
        List.of("arn:aws:iot:eu-west-1:1:topicfilter/#", "arn:aws:iot:eu-west-1:1:topicfilter/+/status"),
        List.of("iot:Subscribe"),
        List.of("arn:aws:iot:eu-west-1:1:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/#")), policy);
  }

  @Test
  void aDenyThatMayNotApplyOrDeniesEverythingButSomeIsNotCountedAsADeny() throws Exception {
    PolicyDocument policy = PolicyDocument.parse("""
        {"Statement": [
          {"Effect": "Allow", "Action": "iot:*", "Resource": "*"},
          {"Effect": "Deny", "Action": "iot:Publish", "Resource": "*",
           "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "false"}}},
          {"Effect": "Deny", "NotAction": "iot:Connect", "Resource": "*"},
          {"Effect": "Deny", "Action": "iot:Receive", "NotResource": "arn:aws:iot:eu-west-1:1:topic/a"}
        ]}
        """);

    assertEquals(new PolicyDocument(List.of("iot:*"), List.of("*"), List.of(), List.of()), policy);
  }

  @Test
  void aStatementWhoseEffectIsNeitherAllowNorDenyIsRefused() {
    PolicyDocument.InvalidPolicyException failure = assertThrows(PolicyDocument.InvalidPolicyException.class,
        () -> PolicyDocument.parse("{\"Statement\": [{\"Effect\": \"allow\", \"Action\": \"iot:*\", \"Resource\": \"*\"}]}"));

    assertEquals("Statement[0].Effect is 'allow' (a statement's Effect is Allow or Deny)", failure.getMessage());
  }

  @Test
  void aMalformedDenyIsRefusedLikeAMalformedAllow() {
    PolicyDocument.InvalidPolicyException failure = assertThrows(PolicyDocument.InvalidPolicyException.class,
        () -> PolicyDocument.parse("{\"Statement\": {\"Effect\": \"Deny\", \"Action\": [1], \"Resource\": \"*\"}}"));

    assertEquals("Statement[0].Action holds a value that is not text", failure.getMessage());
  }

  @Test
  void anAllowWithNotActionOrNotResourceAllowsEverythingElseSoReadsAsAWildcard() throws Exception {
    PolicyDocument policy = PolicyDocument.parse("""
        {"Statement": [{"Effect": "Allow", "NotAction": "iot:DeleteThing", "NotResource": "arn:aws:iot:eu-west-1:1:thing/x"}]}
        """);

    assertEquals(PolicyDocument.allowing(List.of("*"), List.of("*")), policy);
  }

  @Test
  void repeatedActionsAndResourcesAreListedOnce() throws Exception {
    PolicyDocument policy = PolicyDocument.parse("""
        {"Statement": [
          {"Effect": "Allow", "Action": "iot:Publish", "Resource": "arn:aws:iot:eu-west-1:1:topic/a"},
          {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"], "Resource": "arn:aws:iot:eu-west-1:1:topic/a"}
        ]}
        """);

    assertEquals(PolicyDocument.allowing(List.of("iot:Publish", "iot:Receive"), List.of("arn:aws:iot:eu-west-1:1:topic/a")),
        policy);
  }

  @Test
  void invalidJsonIsLocated() {
    PolicyDocument.InvalidPolicyException failure = assertThrows(PolicyDocument.InvalidPolicyException.class,
        () -> PolicyDocument.parse("{\"Statement\": [\n  {\"Effect\": \"Allow\",}\n]}"));

    assertEquals("the policy document is not valid JSON at 2:22: Unexpected character ('}' (code 125)):"
        + " was expecting double-quote to start field name", failure.getMessage());
  }

  @Test
  void aDocumentWithoutStatementIsRefused() {
    PolicyDocument.InvalidPolicyException failure = assertThrows(PolicyDocument.InvalidPolicyException.class,
        () -> PolicyDocument.parse("{\"Version\": \"2012-10-17\"}"));

    assertEquals("the policy document has no Statement", failure.getMessage());
  }
}
