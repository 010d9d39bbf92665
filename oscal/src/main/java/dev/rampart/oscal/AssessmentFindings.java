package dev.rampart.oscal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.engine.NotAssessed;
import dev.rampart.engine.Report;
import dev.rampart.engine.RequirementAssessment;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RuleResult;
import dev.rampart.engine.Waiver;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.Outcome;
import dev.rampart.engine.value.Rule;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reviewed controls, risks and findings of an assessment result: a finding per guide requirement
 * the rules serve (its target the requirement's control in the guide's catalog) and per control of a
 * framework the rules cite, each with the {@link TargetStatus} of its rules; and a risk per waiver that
 * accepted results, its deviation approved until the waiver expires.
 */
final class AssessmentFindings {

  private final Report report;
  private final OutcomeTally tally;
  private final String time;
  private final Map<String, List<Rule>> requirements = new LinkedHashMap<>();
  private final Map<Control, List<Rule>> controls = new LinkedHashMap<>();
  private final Map<String, Framework> frameworks = new LinkedHashMap<>();
  private final Map<Rule, String> notAssessedReasons = new LinkedHashMap<>();

  /** A framework's control as rules cite it: the framework's key and the control's id. */
  private record Control(String framework, String id) {}

  AssessmentFindings(List<RulePack> packs, Report report, OutcomeTally tally, String time) {
    this.report = report;
    this.tally = tally;
    this.time = time;
    for (RequirementAssessment requirement : report.coverage().requirements()) {
      requirements.put(requirement.requirement(), requirement.rules());
    }
    for (RulePack pack : packs) {
      pack.frameworks().forEach(framework -> frameworks.putIfAbsent(framework.key(), framework));
      for (Rule rule : pack.rules()) {
        rule.references().forEach((framework, ids) -> ids.forEach(id ->
            controls.computeIfAbsent(new Control(framework, id), c -> new ArrayList<>()).add(rule)));
      }
    }
    for (NotAssessed rule : report.notAssessed()) {
      notAssessedReasons.put(rule.rule(), rule.reason());
    }
  }

  /** The requirements and controls the findings are about; all of the catalog when the rules cite none. */
  void writeReviewedControls(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("reviewed-controls");
    json.writeStringField("description", "The guide's requirements that the rules serve and the framework controls"
        + " they cite; each has a finding.");
    json.writeArrayFieldStart("control-selections");
    json.writeStartObject();
    Set<String> ids = new LinkedHashSet<>();
    requirements.keySet().forEach(requirement -> ids.add(OscalIds.token(requirement)));
    controls.keySet().forEach(control -> ids.add(OscalIds.token(control.id())));
    if (ids.isEmpty()) {
      json.writeObjectFieldStart("include-all");
      json.writeEndObject();
      json.writeStringField("remarks", "The rules cite no requirement and no control.");
    } else {
      json.writeArrayFieldStart("include-controls");
      for (String id : ids) {
        json.writeStartObject();
        json.writeStringField("control-id", id);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  /** A risk per waiver that accepted results. */
  void writeRisks(JsonGenerator json) throws IOException {
    if (tally.accepted().isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("risks");
    for (Map.Entry<Waiver, List<RuleResult>> accepted : tally.accepted().entrySet()) {
      risk(json, accepted.getKey(), accepted.getValue());
    }
    json.writeEndArray();
  }

  /** A finding per requirement, then per framework control. */
  void writeFindings(JsonGenerator json) throws IOException {
    if (requirements.isEmpty() && controls.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("findings");
    for (Map.Entry<String, List<Rule>> requirement : requirements.entrySet()) {
      String id = requirement.getKey();
      finding(json, StableUuids.of("finding", "requirement", id), "Requirement " + id, "Requirement " + id
          + " of the guide", OscalIds.token(id), requirement.getValue(), List.of(Map.entry("requirement", id)));
    }
    for (Map.Entry<Control, List<Rule>> control : controls.entrySet()) {
      Control c = control.getKey();
      Framework framework = frameworks.get(c.framework());
      String title = framework == null ? c.framework() : framework.title() + ", " + framework.edition();
      finding(json, StableUuids.of("finding", "control", c.framework(), c.id()), c.framework() + " " + c.id(),
          "Control " + c.id() + " of " + title, OscalIds.token(c.id()), control.getValue(),
          List.of(Map.entry("framework", c.framework()), Map.entry("control", c.id())));
    }
    json.writeEndArray();
  }

  private void finding(JsonGenerator json, UUID uuid, String title, String what, String targetId, List<Rule> rules,
      List<Map.Entry<String, String>> ids) throws IOException {
    TargetStatus status = TargetStatus.of(rules, tally, report.isComplete());
    json.writeStartObject();
    OscalJson.uuid(json, uuid);
    json.writeStringField("title", Markup.line(title));
    json.writeStringField("description", Markup.text(what + ", served by " + rules.stream().map(Rule::id)
        .collect(Collectors.joining(", "))) + ": " + counts(status) + ".");
    json.writeArrayFieldStart("props");
    for (Map.Entry<String, String> id : ids) {
      OscalJson.prop(json, id.getKey(), Markup.oneLine(id.getValue()));
    }
    for (Outcome outcome : Outcome.values()) {
      OscalJson.prop(json, "results-" + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          Long.toString(status.counts().get(outcome)));
    }
    OscalJson.prop(json, "results-waived", Long.toString(status.waived()));
    json.writeEndArray();
    json.writeObjectFieldStart("target");
    json.writeStringField("type", "objective-id");
    json.writeStringField("target-id", targetId);
    json.writeObjectFieldStart("status");
    json.writeStringField("state", status.state());
    json.writeStringField("reason", status.reason().token());
    if (!status.notAssessed().isEmpty()) {
      json.writeStringField("remarks", status.notAssessed().stream()
          .map(rule -> Markup.text("Not assessed: " + rule.id() + " (" + notAssessedReasons.getOrDefault(rule,
              "no result") + ")"))
          .collect(Collectors.joining("\n\n")));
    }
    json.writeEndObject();
    json.writeEndObject();
    relatedObservations(json, rules);
    relatedRisks(json, rules);
    json.writeEndObject();
  }

  private static String counts(TargetStatus status) {
    List<String> parts = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      long count = status.counts().get(outcome);
      if (count > 0) {
        parts.add(count + " " + outcome);
      }
    }
    if (status.waived() > 0) {
      parts.add(status.waived() + " accepted by waivers");
    }
    return parts.isEmpty() ? "no result" : String.join(", ", parts);
  }

  // The results that decided the status: every one but NOT_APPLICABLE, which says the rule does not apply.
  private void relatedObservations(JsonGenerator json, List<Rule> rules) throws IOException {
    boolean open = false;
    for (Rule rule : rules) {
      for (RuleResult result : report.resultsForRule(rule.id())) {
        if (result.outcome() != Outcome.NOT_APPLICABLE && result.rule().ruleId().equals(rule.ruleId())) {
          if (!open) {
            json.writeArrayFieldStart("related-observations");
            open = true;
          }
          json.writeStartObject();
          json.writeStringField("observation-uuid", AssessmentResults.observation(result).toString());
          json.writeEndObject();
        }
      }
    }
    if (open) {
      json.writeEndArray();
    }
  }

  private void relatedRisks(JsonGenerator json, List<Rule> rules) throws IOException {
    List<UUID> risks = new ArrayList<>();
    tally.accepted().forEach((waiver, results) -> {
      if (results.stream().anyMatch(result -> rules.contains(result.rule()))) {
        risks.add(risk(waiver));
      }
    });
    if (!risks.isEmpty()) {
      json.writeArrayFieldStart("related-risks");
      for (UUID risk : risks) {
        json.writeStartObject();
        json.writeStringField("risk-uuid", risk.toString());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
  }

  private void risk(JsonGenerator json, Waiver waiver, List<RuleResult> results) throws IOException {
    String deadline = waiver.expires().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    json.writeStartObject();
    OscalJson.uuid(json, risk(waiver));
    json.writeStringField("title", Markup.line("Waiver: " + waiver.describe()));
    json.writeStringField("description", Markup.text(waiver.justification()));
    json.writeStringField("statement", Markup.text("Accepted until " + waiver.expires() + " (approved by "
        + waiver.approvedBy() + "): " + results.stream()
            .map(r -> r.rule().id() + " " + r.outcome() + " for " + AssessmentResults.factName(r.factType(), r.factId()))
            .collect(Collectors.joining("; ")) + "."));
    json.writeArrayFieldStart("props");
    OscalJson.prop(json, "waiver-rule", Markup.oneLine(waiver.rule()));
    OscalJson.prop(json, "approved-by", Markup.oneLine(waiver.approvedBy()));
    OscalJson.prop(json, "expires", waiver.expires().toString());
    if (waiver.ticket() != null) {
      OscalJson.prop(json, "ticket", Markup.oneLine(waiver.ticket()));
    }
    if (!waiver.location().isEmpty()) {
      OscalJson.prop(json, "location", Markup.oneLine(waiver.location()));
    }
    json.writeEndArray();
    json.writeStringField("status", "deviation-approved");
    json.writeStringField("deadline", deadline);
    json.writeObjectFieldStart("risk-log");
    json.writeArrayFieldStart("entries");
    json.writeStartObject();
    OscalJson.uuid(json, StableUuids.of("risk-log-entry", waiverKey(waiver)));
    json.writeStringField("title", Markup.line("Deviation approved by " + waiver.approvedBy()));
    json.writeStringField("description", Markup.text("Waiver " + waiver.describe()
        + (waiver.location().isEmpty() ? "" : " at " + waiver.location())
        + (waiver.ticket() == null ? "" : ", ticket " + waiver.ticket()) + ": " + waiver.justification()));
    json.writeStringField("start", time);
    json.writeStringField("end", deadline);
    json.writeStringField("status-change", "deviation-approved");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeArrayFieldStart("related-observations");
    for (RuleResult result : results) {
      json.writeStartObject();
      json.writeStringField("observation-uuid", AssessmentResults.observation(result).toString());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static UUID risk(Waiver waiver) {
    return StableUuids.of("risk", waiverKey(waiver));
  }

  // What a waiver selects, where it is written and until when: two waivers alike in all three are one.
  private static String waiverKey(Waiver waiver) {
    return waiver.describe() + "|" + waiver.location() + "|" + waiver.expires();
  }
}
