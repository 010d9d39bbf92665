package dev.rampart.adapter.mud;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One MUD file, or a directory of them, read as devices that carry the file's egress allowlist.
 * A file is read whole before its devices are handed on: a broken file yields no device, only skipped
 * ones (of a directory) or a failure (of a single file), never an allowlist read in part.
 */
final class MudSource implements FactSource {

  /** The key of {@link MudProvider#DEVICES} without a file name: the devices of the one file. */
  static final String EVERY_FILE = "";

  private static final List<String> EXTENSIONS = List.of(".json", ".mud");

  private final Path location;
  private final String name;
  private final Map<String, List<String>> devices;

  MudSource(Path location, Map<String, List<String>> devices) {
    this.location = location;
    this.name = location.toString();
    this.devices = Map.copyOf(devices);
  }

  /**
   * Hands one device per named id to the sink, each with the MUD file's allowlist and model. Of a
   * directory, each file is a record: a file that cannot be read, or has a value that is wrong, makes
   * each device named for it a skipped record, and the devices of the other files are read. A single
   * file is the only record of its source, so any problem of it fails the source.
   *
   * @throws SourceException with every problem of a single file, in the form
   *     {@code FILE:LINE:COLUMN: PLACE: WHAT (FIX)}, or the options' problems (a device named for two
   *     files); no device has been handed on then
   */
  @Override
  public void read(FactSink sink) throws SourceException {
    boolean directory = Files.isDirectory(location);
    Map<Path, List<String>> files = files();
    List<String> problems = new ArrayList<>();
    Map<String, Path> owner = new HashMap<>();
    for (Map.Entry<Path, List<String>> file : files.entrySet()) {
      for (String id : file.getValue()) {
        Path first = owner.putIfAbsent(id, file.getKey());
        if (first != null) {
          problems.add(MudProvider.ID + " source '" + name + "': device '" + id + "' is named for both "
              + first.getFileName() + " and " + file.getKey().getFileName() + " (a device has one MUD file; name it once)");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
    List<ReadFile> read = new ArrayList<>();
    for (Map.Entry<Path, List<String>> file : files.entrySet()) {
      read.add(read(file.getKey(), file.getValue()));
    }
    if (!directory) {
      for (ReadFile file : read) {
        problems.addAll(file.problems());
      }
      if (!problems.isEmpty()) {
        throw new SourceException(problems);
      }
    }
    for (ReadFile file : read) {
      if (file.problems().isEmpty()) {
        file.devices().forEach(device -> sink.accept(device, file.origin()));
      } else {
        skip(file, sink);
      }
    }
  }

  /** One MUD file read whole, as devices or, when it has problems, every problem of it. */
  private static ReadFile read(Path file, List<String> ids) {
    MudFileReader reader = new MudFileReader(file);
    MudProfile profile = reader.read();
    List<String> problems = new ArrayList<>(reader.problems());
    TextPosition at = profile != null ? profile.at() : reader.containerAt();
    Origin origin = new Origin(MudProvider.ID, file.toString(), at == null ? 0 : at.line(), at == null ? 0 : at.column(),
        profile == null ? null : profile.lastUpdate());
    List<Device> devices = new ArrayList<>();
    if (profile != null) {
      for (String id : ids) {
        try {
          devices.add(device(id, profile));
        } catch (InvalidFactException e) {
          problems.add(file + ":" + profile.at() + ": " + e.about(FactType.DEVICE, id).withoutFix() + " ("
              + e.fix() + ")");
        }
      }
    }
    return new ReadFile(origin, ids, devices, problems);
  }

  /**
   * Every device named for a file that could not be read is skipped: the first with the file's problems,
   * each other with a line that points at them, so that a failure lists each problem once.
   */
  private static void skip(ReadFile file, FactSink sink) throws SourceException {
    String first = file.ids().get(0);
    for (String id : file.ids()) {
      List<String> problems = id.equals(first) ? file.problems() : List.of(file.origin().location() + ": device '" + id
          + "': its MUD file could not be read (fix the problems listed for device '" + first + "')");
      sink.skipped(SkippedRecord.of(file.origin(), FactType.DEVICE, id, problems));
    }
  }

  @Override
  public String describe() {
    return MudProvider.ID + ":" + name;
  }

  private static Device device(String id, MudProfile profile) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("mudUrl", profile.mudUrl());
    if (profile.supported() != null) {
      attributes.put("mudSupported", profile.supported());
    }
    return Device.builder(id)
        .model(profile.model())
        .egressAllowlist(profile.allowlist())
        .attributes(attributes)
        .build();
  }

  /** The MUD files to read, each with the devices it applies to. */
  private Map<Path, List<String>> files() throws SourceException {
    if (Files.isDirectory(location)) {
      return directory();
    }
    if (!Files.exists(location)) {
      throw new SourceException("cannot read '" + name + "': no such file or directory (check the path)");
    }
    String stem = stem(location);
    List<String> others = devices.keySet().stream().filter(key -> !key.equals(EVERY_FILE) && !key.equals(stem)).sorted().toList();
    if (!others.isEmpty()) {
      throw new SourceException(MudProvider.ID + " source '" + name + "': option " + MudProvider.DEVICES + "." + others.get(0)
          + " names a file other than " + location.getFileName() + " (use " + MudProvider.DEVICES
          + "=ID,ID... for a single MUD file)");
    }
    List<String> ids = new ArrayList<>(devices.getOrDefault(EVERY_FILE, List.of()));
    devices.getOrDefault(stem, List.of()).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    return Map.of(location, List.copyOf(ids));
  }

  private Map<Path, List<String>> directory() throws SourceException {
    Map<String, Path> byName = new LinkedHashMap<>();
    try (Stream<Path> entries = Files.list(location)) {
      entries.filter(Files::isRegularFile)
          .filter(file -> EXTENSIONS.stream().anyMatch(ext -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)))
          .sorted()
          .forEach(file -> byName.putIfAbsent(stem(file), file));
    } catch (IOException e) {
      throw new SourceException("cannot read the directory '" + name + "': " + e.getMessage()
          + " (check that it exists and can be read)");
    }
    List<String> problems = new ArrayList<>();
    if (devices.containsKey(EVERY_FILE)) {
      problems.add(MudProvider.ID + " source '" + name + "': option " + MudProvider.DEVICES + " names the devices of one"
          + " MUD file, but this is a directory (give " + MudProvider.DEVICES + ".NAME=ID,ID... for each file NAME.json;"
          + " files here: " + names(byName) + ")");
    }
    Map<Path, List<String>> files = new LinkedHashMap<>();
    for (Map.Entry<String, Path> file : byName.entrySet()) {
      List<String> ids = devices.get(file.getKey());
      if (ids != null) {
        files.put(file.getValue(), ids);
      }
    }
    devices.keySet().stream().filter(key -> !key.equals(EVERY_FILE) && !byName.containsKey(key)).sorted()
        .forEach(key -> problems.add(MudProvider.ID + " source '" + name + "': option " + MudProvider.DEVICES + "." + key
            + " names no MUD file of the directory (files here: " + names(byName) + ")"));
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
    return files;
  }

  private static String names(Map<String, Path> byName) {
    return byName.isEmpty() ? "none" : String.join(", ", byName.keySet());
  }

  private static String stem(Path file) {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /**
   * A MUD file as read: where it is, the devices named for it, and either their facts or its problems.
   *
   * @param origin the file, at its {@code ietf-mud:mud} container when the reader got that far
   * @param ids the devices the options name for the file
   * @param devices the devices it gave; incomplete when it has problems, and then not handed on
   * @param problems every problem of the file, each a complete line
   */
  private record ReadFile(Origin origin, List<String> ids, List<Device> devices, List<String> problems) {}
}
