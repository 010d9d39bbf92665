package dev.rampart.adapter.mud;

import com.fasterxml.jackson.core.JsonParser;
import dev.rampart.adaptersupport.json.Json;
import dev.rampart.adaptersupport.json.JsonFailure;
import dev.rampart.spi.source.DidYouMean;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import dev.rampart.spi.value.Cidr;
import dev.rampart.spi.value.ValueFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates one MUD file (RFC 8520, with the access lists of RFC 8519), collecting every
 * problem with its line and column.
 */
final class MudFileReader {

  static final String MUD = "ietf-mud:mud";
  static final String ACLS = "ietf-access-control-list:acls";
  // The name drafts before RFC 8519 used, which some MUD generators still write.
  static final String ACLS_DRAFT = "ietf-access-control-list:access-lists";
  // The drafts of RFC 8519 named an access list "acl-name", its entries "access-list-entries", an
  // entry "rule-name", and accepted with "permit": [null]; real MUD files (osMUD, NIST) still do.
  // Each list of names has the standard's name first, then the drafts'.
  private static final List<String> ACL_NAME = List.of("name", "acl-name");
  private static final List<String> ACL_TYPE = List.of("type", "acl-type");
  private static final List<String> ACL_ENTRIES = List.of("aces", "access-list-entries");
  private static final List<String> ACE_NAME = List.of("name", "rule-name");
  private static final List<String> ACL_MEMBERS = Stream.of(ACL_NAME, ACL_TYPE, ACL_ENTRIES)
      .flatMap(List::stream).toList();
  private static final List<Map.Entry<String, String>> DRAFT_ACTIONS = List.of(Map.entry("permit", "accept"),
      Map.entry("deny", "drop"));
  /** The matches known, in the order hints prefer them: RFC 8519's and RFC 8520's, then the drafts'. */
  private static final List<String> MATCHES = List.of("ipv4", "ipv6", "tcp", "udp", "icmp", "eth", MUD,
      "ingress-interface", "egress-interface", "ipv4-acl", "ipv6-acl", "tcp-acl", "udp-acl", "icmp-acl", "eth-acl");
  /** The matches that name destinations, and the address family of each; the others constrain ports or frames. */
  private static final Map<String, String> LAYER3 = Map.of("ipv4", "ipv4", "ipv6", "ipv6", "ipv4-acl", "ipv4",
      "ipv6-acl", "ipv6");
  private static final String KNOWN_MATCHES = "ipv4, ipv6, tcp, udp, icmp, eth and ietf-mud:mud of RFC 8519 and RFC 8520,"
      + " or the drafts' ipv4-acl, ipv6-acl, tcp-acl, udp-acl, icmp-acl and eth-acl";
  private static final Set<String> DESTINATION_PORTS = Set.of("destination-port", "destination-port-range",
      "destination-port-range-or-operator");
  /** Largest MUD file read: a MUD file is read whole, and real ones have a few kilobytes. */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private static final String SHAPE = "a MUD file (RFC 8520) is a JSON object with the members " + MUD + " and " + ACLS;
  private static final Set<String> FORWARDING = Set.of("accept", "drop", "reject");
  private static final List<String> MUD_FLAGS = List.of("local-networks", "same-manufacturer", "my-controller");
  private static final List<String> MUD_NAMES = List.of("controller", "manufacturer", "model");
  private static final List<String> MUD_MATCHES = List.of("manufacturer", "same-manufacturer", "model",
      "local-networks", "controller", "my-controller");

  private final Path file;
  private final String name;
  private final SourceProblems problems;
  /** Whether the file uses a spelling of the drafts before RFC 8519 and RFC 8520. */
  private boolean draft;
  /** Where the {@code ietf-mud:mud} container starts, once found. */
  private @Nullable TextPosition containerAt;

  MudFileReader(Path file) {
    this.file = file;
    this.name = file.toString();
    this.problems = new SourceProblems(name);
  }

  /** Where the file's {@code ietf-mud:mud} container starts; {@code null} when the file has none. */
  @Nullable TextPosition containerAt() {
    return containerAt;
  }

  /** Every problem found by {@link #read()}, each a complete line, in the order of the file. */
  List<String> problems() {
    return problems.inFileOrder();
  }

  /** The file's profile, or {@code null} when it has problems. */
  @Nullable MudProfile read() {
    Json root = parse();
    if (root == null) {
      return null;
    }
    if (!(root instanceof Json.Members document) || !(document.get(MUD) instanceof Json.Members mud)) {
      problem(root.at(), "", "no '" + MUD + "' container", SHAPE);
      return null;
    }
    containerAt = mud.at();
    String mudUrl = mudUrl(mud.get("mud-url"), mud.at());
    Instant lastUpdate = lastUpdate(mud.get("last-update"));
    Boolean supported = trueFalse(mud.get("is-supported"), "is-supported");
    String model = firstText(mud, "model-name", "systeminfo");
    Map<String, Json.Members> acls = acls(document);
    List<String> allowlist = allowlist(mud, acls);
    // Checked last: a file in the drafts' shape may come from before mud-version existed.
    version(mud.get("mud-version"), mud.at());
    if (!problems.isEmpty() || mudUrl == null) {
      return null;
    }
    return new MudProfile(mudUrl, model != null ? model : mudUrl, allowlist, lastUpdate, supported, mud.at());
  }

  private @Nullable Json parse() {
    InputStream in;
    try {
      in = InputFiles.open(file, MAX_BYTES);
    } catch (InputFileException e) {
      problems.add(e.cannotRead(name, "a MUD file"));
      return null;
    }
    try (JsonParser parser = JsonFailure.STRICT.createParser(in)) {
      try {
        if (parser.nextToken() == null) {
          problem((TextPosition) null, "", "the file is empty", SHAPE);
          return null;
        }
        Json root = Json.read(parser);
        if (parser.nextToken() != null) {
          problem(Json.positionOf(parser.currentTokenLocation()), "", "there is more after the end of the MUD object",
              "a MUD file holds one JSON object");
          return null;
        }
        return root;
      } catch (IOException e) {
        JsonFailure failure = JsonFailure.of(e, parser);
        problem(failure.at(), "", failure.what(), "check the JSON syntax near this place");
        return null;
      }
    } catch (IOException e) {
      problems.add("cannot read '" + name + "': " + e.getMessage() + " (check that the file can be read)");
    }
    return null;
  }

  private void version(@Nullable Json version, TextPosition container) {
    if (version == null) {
      if (!draft) {
        problem(container, MUD, "no mud-version", "RFC 8520 files have \"mud-version\": 1");
      }
    } else if (!(version instanceof Json.Number number) || !number.text().equals("1")) {
      problem(version, MUD + ".mud-version", "mud-version is " + version.describe().replace("the number ", ""),
          "this reader knows MUD version 1, RFC 8520");
    }
  }

  private @Nullable String mudUrl(@Nullable Json url, TextPosition container) {
    if (url == null) {
      problem(container, MUD, "no mud-url", "every MUD file names its own URL in mud-url");
      return null;
    }
    String fix = "RFC 8520 requires an https URL, e.g. https://lighting.example.com/lightbulb2000";
    if (!(url instanceof Json.Text text)) {
      problem(url, MUD + ".mud-url", "expected a URL but found " + url.describe(), fix);
      return null;
    }
    try {
      URI uri = new URI(text.text());
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        problem(url, MUD + ".mud-url", "'" + text.text() + "' is not an https URL", fix);
        return null;
      }
      return text.text();
    } catch (URISyntaxException e) {
      problem(url, MUD + ".mud-url", "'" + text.text() + "' is not a URL: " + e.getReason(), fix);
      return null;
    }
  }

  private @Nullable Instant lastUpdate(@Nullable Json value) {
    if (value == null) {
      return null;
    }
    String fix = "write a date and time as RFC 3339, e.g. 2019-01-28T11:20:51+01:00";
    if (value instanceof Json.Text text) {
      try {
        return OffsetDateTime.parse(text.text()).toInstant();
      } catch (DateTimeParseException e) {
        problem(value, MUD + ".last-update", "'" + text.text() + "' is not a date and time", fix);
        return null;
      }
    }
    problem(value, MUD + ".last-update", "expected a date and time but found " + value.describe(), fix);
    return null;
  }

  private @Nullable Boolean trueFalse(@Nullable Json value, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof Json.TrueFalse flag) {
      return flag.value();
    }
    // Early MUD generators wrote YANG booleans as JSON text.
    if (value instanceof Json.Text text && (text.text().equals("true") || text.text().equals("false"))) {
      draft = true;
      return Boolean.parseBoolean(text.text());
    }
    problem(value, MUD + "." + field, "expected true or false but found " + value.describe(), null);
    return null;
  }

  /** The first of the fields that holds text; a field that holds something else is a problem, not skipped. */
  private @Nullable String firstText(Json.Members mud, String... fields) {
    String first = null;
    for (String field : fields) {
      Json value = mud.get(field);
      if (value instanceof Json.Text text) {
        // a blank name names nothing: the next field, or the mud-url, names the model
        first = first == null && !text.text().isBlank() ? text.text() : first;
      } else if (value != null) {
        problem(value, MUD + "." + field, "expected text but found " + value.describe(), null);
      }
    }
    return first;
  }

  /** The access lists of the file, by name. */
  private Map<String, Json.Members> acls(Json.Members document) {
    Map<String, Json.Members> byName = new LinkedHashMap<>();
    for (String container : List.of(ACLS, ACLS_DRAFT)) {
      Json acls = document.get(container);
      draft |= acls != null && container.equals(ACLS_DRAFT);
      Json.Elements list = acls == null ? null : elements(acls, container, "acl");
      if (list == null) {
        continue;
      }
      for (int i = 0; i < list.elements().size(); i++) {
        Json acl = list.elements().get(i);
        String place = container + ".acl[" + i + "]";
        if (acl instanceof Json.Members members && named(members, ACL_NAME) instanceof Json.Text aclName) {
          byName.putIfAbsent(aclName.text(), members);
        } else {
          problem(acl, place, "an access list without a name", "give every access list a \"name\"");
        }
      }
    }
    return byName;
  }

  private List<String> allowlist(Json.Members mud, Map<String, Json.Members> acls) {
    Json policy = mud.get("from-device-policy");
    if (policy == null) {
      problem(mud.at(), MUD, "no from-device-policy",
          "name the access lists of the device's outbound traffic in from-device-policy;"
              + " a device that sends nothing has an empty access-list");
      return List.of();
    }
    Set<String> allowed = new LinkedHashSet<>();
    String place = MUD + ".from-device-policy";
    Json accessLists = policy instanceof Json.Members members ? members.get("access-lists") : null;
    Json.Elements names = accessLists == null
        ? null : elements(accessLists, place + ".access-lists", "access-list");
    if (names == null) {
      if (accessLists == null) {
        problem(policy, place, "no access-lists", "write \"access-lists\": {\"access-list\": [{\"name\": \"...\"}]}");
      }
      return List.of();
    }
    for (int i = 0; i < names.elements().size(); i++) {
      Json entry = names.elements().get(i);
      String at = place + ".access-lists.access-list[" + i + "]";
      if (!(entry instanceof Json.Members members) || !(named(members, ACL_NAME) instanceof Json.Text aclName)) {
        problem(entry, at, "an access-list entry without a name", "name one of the access lists defined in " + ACLS);
        continue;
      }
      Json.Members acl = acls.get(aclName.text());
      if (acl == null) {
        problem(aclName, at + ".name", "access list '" + aclName.text() + "' is not defined",
            acls.isEmpty() ? "define it in " + ACLS : "defined: " + String.join(", ", acls.keySet()));
        continue;
      }
      allowed.addAll(destinations(acl, aclName.text()));
    }
    return List.copyOf(allowed);
  }

  /** The destinations of the accept entries of one access list; {@code *} for an entry that names none. */
  private List<String> destinations(Json.Members acl, String aclName) {
    String place = "access list '" + aclName + "'";
    for (Map.Entry<String, Json> member : acl.members().entrySet()) {
      if (!ACL_MEMBERS.contains(member.getKey())) {
        // Entries under a name this reader does not know would otherwise read as "may reach nothing".
        problem(member.getValue(), place + "." + member.getKey(), "unknown member '" + member.getKey() + "'",
            unknown(member.getKey(), ACL_MEMBERS, "an access list holds name, type and its entries in aces,"
                + " or access-list-entries in the drafts of RFC 8519"));
      }
    }
    Json aces = named(acl, ACL_ENTRIES);
    String entriesName = acl.get("aces") != null ? "aces" : "access-list-entries";
    if (aces == null) {
      // an access list without entries matches no packet (RFC 8519), so it allows nothing
      return List.of();
    }
    Json.Elements entries = elements(aces, place + "." + entriesName, "ace");
    if (entries == null) {
      return List.of();
    }
    List<String> destinations = new ArrayList<>();
    for (int i = 0; i < entries.elements().size(); i++) {
      String at = place + "." + entriesName + ".ace[" + i + "]";
      if (!(entries.elements().get(i) instanceof Json.Members ace)) {
        problem(entries.elements().get(i), at, "expected an access list entry but found "
            + entries.elements().get(i).describe(), null);
        continue;
      }
      if (named(ace, ACE_NAME) instanceof Json.Text aceName) {
        at += " ('" + aceName.text() + "')";
      }
      String forwarding = forwarding(ace, at);
      if ("accept".equals(forwarding)) {
        destinations.addAll(matched(ace.get("matches"), at + ".matches"));
      }
    }
    return destinations;
  }

  private @Nullable String forwarding(Json.Members ace, String at) {
    Json actions = ace.get("actions");
    Json forwarding = actions instanceof Json.Members members ? members.get("forwarding") : null;
    if (forwarding == null && actions instanceof Json.Members members) {
      for (Map.Entry<String, String> action : DRAFT_ACTIONS) {
        if (members.get(action.getKey()) != null) {
          draft = true;
          return action.getValue();
        }
      }
    }
    if (forwarding == null) {
      problem(actions != null ? actions : ace, at + (actions != null ? ".actions" : ""), "no forwarding action",
          "write \"actions\": {\"forwarding\": \"accept\"}, or drop or reject; the drafts' \"permit\": [null]"
              + " and \"deny\": [null] are read too");
      return null;
    }
    if (!(forwarding instanceof Json.Text text) || !FORWARDING.contains(text.text())) {
      problem(forwarding, at + ".actions.forwarding", "unknown forwarding action "
          + (forwarding instanceof Json.Text text ? "'" + text.text() + "'" : forwarding.describe()),
          "expected accept, drop or reject");
      return null;
    }
    return text.text();
  }

  private List<String> matched(@Nullable Json matches, String at) {
    List<String> destinations = new ArrayList<>();
    boolean understood = true;
    if (matches != null && !(matches instanceof Json.Members)) {
      // read as "no match", it would let the device reach any destination
      problem(matches, at, "expected an object but found " + matches.describe(), "write the entry's matches as an"
          + " object such as {\"ipv4\": {\"destination-ipv4-network\": \"192.0.2.0/24\"}}, or leave them out to"
          + " match every packet");
      return destinations;
    }
    if (matches instanceof Json.Members members) {
      for (Map.Entry<String, Json> match : members.members().entrySet()) {
        String kind = match.getKey();
        String place = at + "." + kind;
        String family = LAYER3.get(kind);
        draft |= kind.endsWith("-acl");
        if (family != null && match.getValue() instanceof Json.Members layer3) {
          understood &= layer3(layer3, family, place, destinations);
        } else if (family != null) {
          problem(match.getValue(), place, "expected an object but found " + match.getValue().describe(), null);
          understood = false;
        } else if (!MATCHES.contains(kind)) {
          // A match this reader does not know may restrict the destination; reading the entry as
          // "any destination" would allow what the file forbids.
          problem(match.getValue(), place, "unknown match '" + kind + "'",
              unknown(kind, MATCHES, "this reader knows the matches " + KNOWN_MATCHES));
          understood = false;
        }
      }
      // MUD's abstractions name classes of destinations that only the network can resolve.
      if (members.get(MUD) instanceof Json.Members mud) {
        for (String flag : MUD_FLAGS) {
          if (mud.get(flag) != null) {
            destinations.add("mud:" + flag);
          }
        }
        for (String named : MUD_NAMES) {
          if (mud.get(named) instanceof Json.Text value) {
            destinations.add("mud:" + named + ":" + value.text());
          }
        }
        for (Map.Entry<String, Json> member : mud.members().entrySet()) {
          if (!MUD_MATCHES.contains(member.getKey())) {
            problem(member.getValue(), at + "." + MUD + "." + member.getKey(), "unknown MUD match '"
                + member.getKey() + "'", unknown(member.getKey(), MUD_MATCHES, "RFC 8520 section 8 names "
                + String.join(", ", MUD_MATCHES)));
            understood = false;
          }
        }
      }
    }
    if (destinations.isEmpty() && understood) {
      // An accept entry that constrains no destination lets the device reach any.
      destinations.add("*");
    }
    return destinations;
  }

  /** Adds the destinations of one layer-3 match; {@code false} when it has a problem. */
  private boolean layer3(Json.Members layer3, String family, String place, List<String> destinations) {
    boolean understood = true;
    String networkField = "destination-" + family + "-network";
    for (Map.Entry<String, Json> member : layer3.members().entrySet()) {
      String field = member.getKey();
      Json value = member.getValue();
      if (field.equals("ietf-acldns:dst-dnsname")) {
        understood &= value instanceof Json.Text host
            ? checked(host, place + "." + field, ValueFormat.DESTINATION, destinations)
            : notText(value, place + "." + field);
      } else if (field.equals(networkField)) {
        understood &= value instanceof Json.Text network
            ? network(network, place + "." + field, family, destinations)
            : notText(value, place + "." + field);
      } else if ((field.startsWith("destination-") || field.contains("dst-")) && !DESTINATION_PORTS.contains(field)) {
        problem(value, place + "." + field, "unknown destination '" + field + "' in an " + family + " match",
            "write the destination as " + networkField + " or ietf-acldns:dst-dnsname");
        understood = false;
      }
    }
    return understood;
  }

  private boolean notText(Json value, String place) {
    problem(value, place, "expected text but found " + value.describe(), null);
    return false;
  }

  /** Adds a network of the match's address family, in canonical text; {@code false} when it is none. */
  private boolean network(Json.Text value, String place, String family, List<String> destinations) {
    Optional<Cidr> network = ValueFormat.NETWORK.normalise(value.text().strip()).flatMap(Cidr::parse);
    boolean ipv4 = family.equals("ipv4");
    if (network.isEmpty() || network.get().isIpv4() != ipv4) {
      problem(value, place, "'" + value.text() + "' is not an " + (ipv4 ? "IPv4" : "IPv6") + " network", ipv4
          ? "write an IPv4 address and prefix length such as 192.0.2.0/24; an IPv6 prefix goes in"
              + " destination-ipv6-network under ipv6"
          : "write an IPv6 prefix such as 2001:db8::/32; an IPv4 network goes in destination-ipv4-network under"
              + " ipv4");
      return false;
    }
    destinations.add(network.get().canonical());
    return true;
  }

  /**
   * Adds a destination in the fact model's canonical text, checked here so that a value the fact
   * model would refuse is reported where it is written.
   */
  private boolean checked(Json.Text value, String place, ValueFormat format, List<String> destinations) {
    Optional<String> canonical = format.normalise(value.text().strip());
    if (canonical.isEmpty()) {
      problem(value, place, "'" + value.text() + "' is not " + format.noun(), format.fix());
      return false;
    }
    destinations.add(canonical.get());
    return true;
  }

  /** The fix for an unknown name: the known name it most likely means, if any, then what is known. */
  private static String unknown(String name, Collection<String> known, String otherwise) {
    return DidYouMean.closest(name, known).map(close -> "did you mean '" + close + "'? ").orElse("") + otherwise;
  }

  /** The first of these members present, or {@code null}; a name after the first is the drafts'. */
  private @Nullable Json named(Json.Members members, List<String> names) {
    for (String name : names) {
      Json value = members.get(name);
      if (value != null) {
        draft |= !name.equals(names.get(0));
        return value;
      }
    }
    return null;
  }

  /** The list under {@code key} of a container, or {@code null} after a problem. */
  private Json.@Nullable Elements elements(Json container, String place, String key) {
    if (!(container instanceof Json.Members members)) {
      problem(container, place, "expected an object but found " + container.describe(), null);
      return null;
    }
    Json list = members.get(key);
    if (list == null) {
      // a YANG list with no entries may be left out of its container: it is empty, not unknown
      return new Json.Elements(List.of(), members.at());
    }
    if (!(list instanceof Json.Elements elements)) {
      problem(list, place + "." + key, "expected a list but found " + list.describe(), null);
      return null;
    }
    return elements;
  }

  private void problem(Json value, String place, String what, @Nullable String fix) {
    problem(value.at(), place, what, fix);
  }

  private void problem(@Nullable TextPosition position, String place, String what, @Nullable String fix) {
    problems.add(position, place, what, fix);
  }
}
