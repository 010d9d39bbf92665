package dev.rampart.adapter.nmap;

import dev.rampart.spi.source.TextPosition;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A forward-only walk over elements that knows how deep it is, so a caller can visit the children
 * it wants and have the rest of the subtree skipped for it: the file is never held in memory.
 */
final class XmlCursor {

  private final XMLStreamReader xml;
  private int level;

  XmlCursor(XMLStreamReader xml) {
    this.xml = xml;
  }

  /** Moves to the root element; {@code false} when the document has none. */
  boolean toRoot() throws XMLStreamException {
    while (xml.hasNext()) {
      if (next() == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
    }
    return false;
  }

  /** The nesting level of the current element: 1 for the root. */
  int level() {
    return level;
  }

  /**
   * Moves to the next child of the element at {@code parentLevel}, skipping whatever is left of the
   * previous child; {@code false} once the parent's end tag is reached.
   */
  boolean nextChild(int parentLevel) throws XMLStreamException {
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT && level == parentLevel + 1) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT && level == parentLevel - 1) {
        return false;
      }
    }
  }

  /** Reads to the end of the document, so that anything malformed after the root is still reported. */
  void toEnd() throws XMLStreamException {
    while (xml.hasNext()) {
      next();
    }
  }

  /** The local name of the current element. */
  String name() {
    return xml.getLocalName();
  }

  /** An attribute of the current element, or {@code null} when it is absent. */
  @Nullable String attribute(String name) {
    return xml.getAttributeValue(null, name);
  }

  /** The text of the current element, which must hold no elements, leaving the cursor on its end tag. */
  String text() throws XMLStreamException {
    String text;
    try {
      text = xml.getElementText();
    } catch (RuntimeException e) {
      throw parserFailure(e);
    }
    level--;
    return text;
  }

  /**
   * The JDK's parser sometimes fails on malformed input with an unchecked exception instead of an
   * {@link XMLStreamException} (e.g. a {@code MissingResourceException} for a bad character in a
   * DTD it skips); that is still the input's fault, so it is reported like any other XML error.
   */
  private XMLStreamException parserFailure(RuntimeException e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new XMLStreamException("the parser stopped at malformed input (" + reason + ")", xml.getLocation(), e);
  }

  /** Where the parser is, for an exception about what it read. */
  Location location() {
    return xml.getLocation();
  }

  /** Where the parser is: for a start tag, just after it. */
  @Nullable TextPosition position() {
    return positionOf(xml.getLocation());
  }

  /** The place of a parser location, or {@code null} when the parser did not know it. */
  static @Nullable TextPosition positionOf(@Nullable Location location) {
    if (location == null || location.getLineNumber() <= 0) {
      return null;
    }
    return new TextPosition(location.getLineNumber(), Math.max(location.getColumnNumber(), 1));
  }

  private int next() throws XMLStreamException {
    int event;
    try {
      event = xml.next();
    } catch (RuntimeException e) {
      throw parserFailure(e);
    }
    if (event == XMLStreamConstants.START_ELEMENT) {
      level++;
    } else if (event == XMLStreamConstants.END_ELEMENT) {
      level--;
    }
    return event;
  }
}
