package dev.rampart.adapter.nmap;

import dev.rampart.spi.source.TextPosition;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * A failure after which the scan cannot be read any further, explained in plain words.
 *
 * @param position where reading stopped, or {@code null} when unknown
 * @param what what is wrong
 * @param fix how to fix it
 */
record XmlFailure(@Nullable TextPosition position, String what, String fix) {

  static final String WRITE_XML = "run nmap with -oX to write XML; normal (-oN) and grepable (-oG) output cannot be read";

  private static final Pattern UNDECLARED_ENTITY = Pattern.compile("The entity \"(.+?)\" was referenced, but not declared\\.");
  private static final Pattern PARSER_PREFIX = Pattern.compile("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*");

  static XmlFailure of(XMLStreamException failure) {
    TextPosition at = XmlCursor.positionOf(failure.getLocation());
    String message = PARSER_PREFIX.matcher(String.valueOf(failure.getMessage())).replaceFirst("").strip();
    if (failure instanceof ScriptOutput.TooDeep) {
      return new XmlFailure(at, message, "nmap's own scripts nest a few levels; is this file really"
          + " unedited nmap -oX output?");
    }
    if (message.startsWith("Content is not allowed in prolog")) {
      return new XmlFailure(at, "this is not XML", WRITE_XML);
    }
    if (message.startsWith("Premature end of file")) {
      return new XmlFailure(at, "the file is empty or ends before the first element", WRITE_XML);
    }
    if (message.startsWith("XML document structures must start and end within the same entity")) {
      return new XmlFailure(at, "the file ends in the middle of the scan",
          "it is truncated, or nmap was interrupted; run the scan again and let it finish");
    }
    Matcher entity = UNDECLARED_ENTITY.matcher(message);
    if (entity.find()) {
      return new XmlFailure(at, "the entity '&" + entity.group(1) + ";' is not declared; DTDs and external entities"
          + " are never read", "nmap output uses no entities of its own; is this file really from nmap -oX?");
    }
    return new XmlFailure(at, "the XML is malformed: " + firstLine(message),
        "check that the file is complete, unedited nmap -oX output");
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
