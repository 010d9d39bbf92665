package dev.rampart.engine.internal.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * A version string compared segment by segment: numbers numerically, other text alphabetically, so
 * {@code 2.10.1 > 2.9}, {@code 1.2 = 1.2.0}. As in semantic versioning, build metadata after
 * {@code +} is ignored ({@code 3.1.0+build7 = 3.1.0}), and a pre-release such as {@code 1.2.0-rc1} is
 * below {@code 1.2.0}; pre-releases of one version are ordered by their labels the same way, so
 * {@code 1.2.0-rc1 < 1.2.0-rc2 < 1.2.0-rc10}. A leading {@code v} is ignored.
 *
 * <p>Vendor patch suffixes are post-releases, ordered after the version they patch and by their
 * number: {@code p}, {@code patch}, {@code r}, {@code rev} or {@code post} and a number, after
 * {@code -}, {@code _} or {@code .}, or straight after a digit ({@code 9.3p1}, {@code 1.2.0-p1},
 * {@code 2.4_r2}), so {@code 1.2.0 < 1.2.0-p1 < 1.2.0-p2 < 1.2.1}.
 */
public final class Version implements Comparable<Version> {

  private static final java.util.regex.Pattern LABEL_RUN = java.util.regex.Pattern.compile("[0-9]+|[^0-9.+_-]+");
  private static final java.util.regex.Pattern POST_RELEASE =
      java.util.regex.Pattern.compile("(?i)(?:[-_.]|(?<=[0-9]))(?:p|patch|r|rev|post)([0-9]{1,18})$");

  private final List<Object> segments;
  private final boolean preRelease;
  private final List<Object> label;
  private final long postRelease;
  private final String text;

  private Version(List<Object> segments, boolean preRelease, List<Object> label, long postRelease, String text) {
    this.segments = segments;
    this.preRelease = preRelease;
    this.label = label;
    this.postRelease = postRelease;
    this.text = text;
  }

  public static Version parse(String text) {
    String body = text.strip();
    if (body.startsWith("v") || body.startsWith("V")) {
      body = body.substring(1);
    }
    int plus = body.indexOf('+');
    if (plus >= 0) {
      body = body.substring(0, plus);
    }
    long postRelease = 0;
    java.util.regex.Matcher post = POST_RELEASE.matcher(body);
    if (post.find() && post.start() > 0) {
      postRelease = Long.parseLong(post.group(1)) + 1;
      body = body.substring(0, post.start());
    }
    int dash = body.indexOf('-');
    boolean preRelease = dash >= 0;
    String core = preRelease ? body.substring(0, dash) : body;
    List<Object> segments = new ArrayList<>();
    for (String part : core.split("[._+]")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit) && part.length() <= 18) {
        segments.add(Long.parseLong(part));
      } else {
        segments.add(part);
      }
    }
    while (!segments.isEmpty() && Long.valueOf(0).equals(segments.get(segments.size() - 1))) {
      segments.remove(segments.size() - 1);
    }
    List<Object> label = new ArrayList<>();
    if (preRelease) {
      // runs of digits and of other text, so that rc10 follows rc9
      java.util.regex.Matcher runs = LABEL_RUN.matcher(body.substring(dash + 1));
      while (runs.find()) {
        String run = runs.group();
        label.add(Character.isDigit(run.charAt(0)) && run.length() <= 18 ? (Object) Long.parseLong(run) : run);
      }
    }
    return new Version(List.copyOf(segments), preRelease, List.copyOf(label), postRelease, text);
  }

  @Override
  public int compareTo(Version other) {
    int n = Math.max(segments.size(), other.segments.size());
    for (int i = 0; i < n; i++) {
      Object a = i < segments.size() ? segments.get(i) : 0L;
      Object b = i < other.segments.size() ? other.segments.get(i) : 0L;
      int c = compareSegment(a, b);
      if (c != 0) {
        return c;
      }
    }
    int release = Boolean.compare(other.preRelease, preRelease);
    if (release != 0) {
      return release;
    }
    if (!preRelease) {
      return Long.compare(postRelease, other.postRelease);
    }
    for (int i = 0; i < Math.min(label.size(), other.label.size()); i++) {
      int c = compareSegment(label.get(i), other.label.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(label.size(), other.label.size());
  }

  private static int compareSegment(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Long) {
      return 1;
    }
    if (b instanceof Long) {
      return -1;
    }
    return ((String) a).compareTo((String) b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return (segments.hashCode() * 31 + Boolean.hashCode(preRelease)) * 31 + Long.hashCode(postRelease);
  }

  @Override
  public String toString() {
    return text;
  }
}
