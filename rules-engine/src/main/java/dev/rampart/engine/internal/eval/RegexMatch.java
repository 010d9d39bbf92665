package dev.rampart.engine.internal.eval;

import com.google.re2j.Pattern;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.load.Literals;
import java.time.Instant;

/**
 * {@code matches} with its cost bounded. RE2/J matches in time linear in the text, but each
 * character costs up to one step per instruction of the pattern's program: a text longer than
 * {@value #MAX_WORK} divided by the program size is an ERROR naming the field and its length rather
 * than minutes of work, and a long match stops when its thread is interrupted (as the evaluation's
 * time limit does), which gives ERROR too.
 */
final class RegexMatch implements ValueTest {

  /** The most characters × program instructions one match may cost (about half a second). */
  static final long MAX_WORK = 50_000_000L;
  /** Below this cost a match is short enough not to look for interruptions. */
  private static final long CHECKED_WORK = 1_000_000L;

  private final Pattern pattern;
  private final String field;
  private final int programSize;
  private final int maxLength;
  private final Memo memo = new Memo();

  RegexMatch(Pattern pattern, String field) {
    this.pattern = pattern;
    this.field = field;
    this.programSize = Math.max(1, Literals.programSize(pattern));
    this.maxLength = (int) Math.min(Integer.MAX_VALUE, MAX_WORK / programSize);
  }

  @Override
  public boolean test(Object value, Instant now) {
    String text = Values.text(value, Operator.MATCHES);
    if (text.length() > maxLength) {
      throw new EvaluationException(String.format("'%s' is %,d characters long, too long to match against %s: a"
          + " pattern of %,d instructions matches at most %,d characters (shorten the value, or simplify the pattern"
          + " so it compiles to fewer instructions)", field, text.length(), quoted(), programSize, maxLength));
    }
    Boolean known = memo.get(text);
    if (known != null) {
      return known;
    }
    boolean answer = (long) text.length() * programSize < CHECKED_WORK
        ? pattern.matcher(text).find()
        : pattern.matcher(new Interruptible(text, this)).find();
    memo.put(text, answer);
    return answer;
  }

  private String quoted() {
    return Literals.abbreviate(pattern.pattern());
  }

  /**
   * The text as the matcher reads it, checking every few thousand characters read whether the
   * thread was interrupted; it then stops the match with an ERROR. The flag stays set, so whoever
   * interrupted sees it.
   */
  private static final class Interruptible implements CharSequence {

    private final String text;
    private final RegexMatch match;
    // each character read costs up to one step per instruction: look about every million steps
    private final int checkEvery;
    private int reads;

    Interruptible(String text, RegexMatch match) {
      this.text = text;
      this.match = match;
      this.checkEvery = (int) Math.max(1, Math.min(4096, CHECKED_WORK / match.programSize));
    }

    @Override
    public char charAt(int index) {
      if (++reads >= checkEvery) {
        reads = 0;
        if (Thread.currentThread().isInterrupted()) {
          throw new EvaluationException(String.format("matching '%s' (%,d characters) against %s was stopped: the"
              + " evaluation was interrupted at its time limit", match.field, text.length(), match.quoted()));
        }
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
