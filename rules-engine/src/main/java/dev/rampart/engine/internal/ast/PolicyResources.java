package dev.rampart.engine.internal.ast;

import java.util.List;

/**
 * Decides whether a resource of an AWS IoT policy ({@code arn:aws:iot:REGION:ACCOUNT:TYPE/NAME}, or
 * the resource part alone) reaches beyond the device that holds the policy, i.e. matches resources
 * of other devices of the fleet.
 *
 * <p>Wildcards are the policy globs {@code *} and {@code ?} everywhere, and the MQTT wildcards
 * {@code +} and {@code #} in {@code topicfilter/} resources (a subscription to {@code +/#} receives
 * every topic). Policy variables ({@code ${iot:ClientId}}, {@code ${iot:Connection.Thing.ThingName}},
 * and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}) stand for one exact value each, so they
 * are never wildcards: a variable scopes the resource to the device.
 *
 * <p>A resource reaches other devices when a wildcard stands
 * <ul>
 *   <li>for the whole resource ({@code *}), or in the partition, service, region or account of the ARN;
 *   <li>in the resource type, or in the first level of the name ({@code topic/*}, {@code topicfilter/+/#},
 *       {@code thing/*}, {@code client/sensor-*}): every topic, thing or client of the account; or
 *   <li>under AWS's reserved topics, in the first level below {@code $aws} or, below
 *       {@code $aws/things}, in the thing's name ({@code topic/$aws/things/*}{@code /shadow/update}):
 *       the shadows and jobs of every thing.
 * </ul>
 * A wildcard beneath a specific prefix ({@code topic/site/sensors/*}, or
 * {@code topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*}) is scoped.
 */
public final class PolicyResources {

  private static final List<String> DEVICE_NAMESPACES = List.of("things");

  private PolicyResources() {}

  /** Whether the resource matches resources of other devices; see the class description. */
  public static boolean reachesOtherDevices(String resource) {
    String text = withoutVariables(resource.strip());
    String name = text;
    if (text.startsWith("arn:")) {
      String[] parts = text.split(":", 6);
      if (parts.length < 6) {
        return hasGlob(text);
      }
      for (int i = 1; i < 5; i++) {
        if (hasGlob(parts[i])) {
          return true;
        }
      }
      name = parts[5];
    }
    int slash = name.indexOf('/');
    String type = slash < 0 ? name : name.substring(0, slash);
    if (slash < 0 || hasGlob(type)) {
      return hasGlob(name);
    }
    boolean mqtt = type.equals("topicfilter");
    String[] levels = name.substring(slash + 1).split("/", -1);
    if (isWild(levels[0], mqtt)) {
      return true;
    }
    if (levels[0].equals("$aws") && levels.length > 1) {
      if (isWild(levels[1], mqtt)) {
        return true;
      }
      return DEVICE_NAMESPACES.contains(levels[1]) && levels.length > 2 && isWild(levels[2], mqtt);
    }
    return false;
  }

  private static boolean isWild(String level, boolean mqtt) {
    return hasGlob(level) || mqtt && (level.contains("+") || level.contains("#"));
  }

  private static boolean hasGlob(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  /** The text with each policy variable replaced by a plain placeholder. */
  private static String withoutVariables(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      int end = start < 0 ? -1 : text.indexOf('}', start + 2);
      if (start < 0 || end < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, start).append("VAR");
      i = end + 1;
    }
    return out.toString();
  }
}
