package dev.rampart.adapter.awsiot;

import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordedServer.Reply;
import dev.rampart.adapter.testkit.RecordedServer.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account-level APIs as recorded answers under {@code account/}, for {@link RecordedServer}:
 * AWS IoT (REST-JSON: role aliases, and a fleet without things for reads through the whole source), IAM (the query protocol: a form body, XML answers) and Amazon
 * Cognito Identity (JSON 1.1: the operation in the {@code X-Amz-Target} header). A request is named
 * by its service, operation and the values that select the answer, which is also the file:
 *
 * <pre>
 * iot PATH[ MARKER or TOKEN]                   iot/PATH[.MARKER or .TOKEN].json, e.g. iot/role-aliases/NAME.json
 * iam ACTION VALUE[.VALUE]                     iam/ACTION/VALUE[.VALUE].xml   (an ARN by its last segment)
 * cognito OPERATION[ POOL-ID or TOKEN]         cognito/OPERATION[.POOL-ID or .TOKEN].json  (':' as '_')
 * </pre>
 *
 * A name without its file is answered as each API answers a missing resource.
 */
final class AccountSite implements RecordedServer.Site {

  /** The request parameters that select an IAM answer, in the order they name the file. */
  private static final List<String> IAM_SELECTORS =
      List.of("RoleName", "PolicyName", "PolicyArn", "VersionId", "Arn", "JobId", "Marker");

  private final List<String> keys = Collections.synchronizedList(new ArrayList<>());

  /** Every request so far, named as {@link #key} names it. */
  List<String> keys() {
    return List.copyOf(keys);
  }

  @Override
  public String key(Request request) {
    String key = name(request);
    keys.add(key);
    return key;
  }

  @Override
  public Reply reply(Request request) {
    String key = name(request);
    String[] parts = key.split(" ", 3);
    String service = parts[0];
    String file = switch (service) {
      case "iot" -> "iot/" + parts[1] + (parts.length > 2 ? "." + parts[2] : "") + ".json";
      case "iam" -> "iam/" + parts[1] + "/" + parts[2] + ".xml";
      default -> "cognito/" + parts[1] + (parts.length > 2 ? "." + parts[2].replace(':', '_') : "") + ".json";
    };
    String body = resource(file);
    if (body != null) {
      return service.equals("iam") ? xml(200, body) : Reply.json(200, body);
    }
    return switch (service) {
      case "iot" -> Reply.json(404, "{\"message\":\"The role alias does not exist\"}")
          .with("x-amzn-ErrorType", "ResourceNotFoundException:");
      case "iam" -> iamError(404, "NoSuchEntity", "The role with name " + parts[2] + " cannot be found.");
      default -> cognitoError(400, "ResourceNotFoundException", "IdentityPool '" + parts[2] + "' not found.");
    };
  }

  /** IAM's answer to a refused or throttled call, as its query API writes errors. */
  static Reply iamError(int status, String code, String message) {
    return xml(status, "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\n"
        + "  <Error>\n    <Type>Sender</Type>\n    <Code>" + code + "</Code>\n    <Message>" + message
        + "</Message>\n  </Error>\n  <RequestId>0d9a3e84-1c6f-4b8e-9e3c-000000000000</RequestId>\n</ErrorResponse>\n");
  }

  /** Cognito Identity's answer to a refused or missing call, as its JSON API writes errors. */
  static Reply cognitoError(int status, String type, String message) {
    return Reply.json(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
        .with("x-amzn-ErrorType", type + ":");
  }

  /** AWS IoT's answer to a refused call. */
  static Reply iotError(int status, String type, String message) {
    return Reply.json(status, "{\"message\":\"" + message + "\"}").with("x-amzn-ErrorType", type + ":");
  }

  private static String name(Request request) {
    String target = request.header("X-Amz-Target");
    if (target != null) {
      String operation = target.substring(target.indexOf('.') + 1);
      Matcher value = Pattern.compile("\"(?:IdentityPoolId|NextToken)\"\\s*:\\s*\"([^\"]+)\"").matcher(request.body());
      return "cognito " + operation + (value.find() ? " " + value.group(1) : "");
    }
    Map<String, String> form = form(request.body());
    String action = form.get("Action");
    if (action != null) {
      List<String> values = new ArrayList<>();
      for (String selector : IAM_SELECTORS) {
        String value = form.get(selector);
        if (value != null) {
          values.add(value.substring(value.lastIndexOf('/') + 1));
        }
      }
      return "iam " + action + " " + String.join(".", values);
    }
    Map<String, String> query = form(request.query());
    String page = query.containsKey("marker") ? query.get("marker") : query.get("nextToken");
    return "iot " + URLDecoder.decode(request.path().substring(1), StandardCharsets.UTF_8)
        + (page == null ? "" : " " + page);
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static Reply xml(int status, String body) {
    return new Reply(status, "text/xml", Map.of(), body);
  }

  private static String resource(String file) {
    try (InputStream in = AccountSite.class.getResourceAsStream("account/" + file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
