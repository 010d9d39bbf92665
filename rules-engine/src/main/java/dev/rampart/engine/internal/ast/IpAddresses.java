package dev.rampart.engine.internal.ast;

import java.util.Optional;

/** Parses textual IPv4 and IPv6 addresses strictly, without DNS (InetAddress would resolve names). */
final class IpAddresses {

  private IpAddresses() {}

  static Optional<byte[]> parse(String text) {
    return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
  }

  private static Optional<byte[]> parseV4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) value;
    }
    return Optional.of(bytes);
  }

  private static Optional<byte[]> parseV6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    String head = gap < 0 ? text : text.substring(0, gap);
    String tail = gap < 0 ? "" : text.substring(gap + 2);
    int[] headGroups = groups(head);
    int[] tailGroups = groups(tail);
    if (headGroups == null || tailGroups == null) {
      return Optional.empty();
    }
    int total = headGroups.length + tailGroups.length;
    if ((gap < 0 && total != 8) || (gap >= 0 && total > 7)) {
      return Optional.empty();
    }
    byte[] bytes = new byte[16];
    for (int i = 0; i < headGroups.length; i++) {
      put(bytes, i, headGroups[i]);
    }
    for (int i = 0; i < tailGroups.length; i++) {
      put(bytes, 8 - tailGroups.length + i, tailGroups[i]);
    }
    return Optional.of(bytes);
  }

  private static int[] groups(String text) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    int[] groups = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 4) {
        return null;
      }
      for (char c : part.toCharArray()) {
        if (Character.digit(c, 16) < 0) {
          return null;
        }
      }
      groups[i] = Integer.parseInt(part, 16);
    }
    return groups;
  }

  private static void put(byte[] bytes, int group, int value) {
    bytes[group * 2] = (byte) (value >> 8);
    bytes[group * 2 + 1] = (byte) value;
  }
}
