package dev.rampart.adapter.mud;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Creates sources for the source id {@value #ID}: one MUD file, or a directory of them, each
 * applied to the devices the options name. {@value #DEVICES}{@code =cam-01,cam-02} gives the
 * devices of a single file; {@value #DEVICES}{@code .NAME=...} those of the file {@code NAME.json}
 * (or {@code NAME.mud}) in a directory.
 */
@API(status = STABLE, since = "0.1")
public final class MudProvider implements FactSourceProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "mud";

  /** The option listing the devices a MUD file applies to, comma-separated; {@code devices.NAME} for one file of a directory. */
  public static final String DEVICES = "devices";

  @Override
  public String id() {
    return ID;
  }

  /** Description: a MUD file describes a model; the devices it applies to are named by the user's option, not seen. */
  @Override
  public SourceRole role() {
    return SourceRole.DESCRIPTION;
  }

  @Override
  public FactSource create(SourceConfig config) throws SourceException {
    String location = config.location();
    List<String> problems = new ArrayList<>();
    // Sorted, so problems and the files read come in the same order every time.
    Map<String, List<String>> devices = new LinkedHashMap<>();
    for (Map.Entry<String, String> option : new TreeMap<>(config.options()).entrySet()) {
      String key = option.getKey();
      String file;
      if (key.equals(DEVICES)) {
        file = MudSource.EVERY_FILE;
      } else if (key.startsWith(DEVICES + ".") && key.length() > DEVICES.length() + 1) {
        file = key.substring(DEVICES.length() + 1);
      } else {
        problems.add(ID + " source '" + location + "': unknown option " + key + " (the " + ID
            + " source takes " + DEVICES + "=ID,ID... for a MUD file, or " + DEVICES
            + ".NAME=ID,ID... for the file NAME.json of a directory)");
        continue;
      }
      List<String> ids = ids(option.getValue());
      if (ids.isEmpty()) {
        problems.add(ID + " source '" + location + "': option " + key + " names no device"
            + " (list the ids of the devices this MUD file describes, e.g. " + key + "=cam-01,cam-02)");
      } else {
        devices.put(file, ids);
      }
    }
    if (problems.isEmpty() && devices.isEmpty()) {
      problems.add(ID + " source '" + location + "': no device is named (a MUD file describes a device model;"
          + " say which devices are of that model with the option " + DEVICES + "=ID,ID...)");
    }
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
    return new MudSource(config.file(), devices);
  }

  private static List<String> ids(String list) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String id : list.split(",")) {
      if (!id.isBlank()) {
        ids.add(id.strip());
      }
    }
    return List.copyOf(ids);
  }
}
