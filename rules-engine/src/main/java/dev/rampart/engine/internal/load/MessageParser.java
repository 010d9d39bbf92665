package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.ast.MessageTemplate;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses a rule's message into literal text and {@code ${field.path}} placeholders resolved against its target. */
final class MessageParser {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private final PathResolver paths;

  MessageParser(PathResolver paths) {
    this.paths = paths;
  }

  /**
   * The template of a message.
   *
   * @param at where the message is written; {@code null} when it is the rule's title, used as message
   * @return the template, or {@code null} after a problem with a placeholder was reported
   */
  @Nullable MessageTemplate parse(String text, @Nullable Node at, PathScope scope) {
    List<Object> parts = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    int last = 0;
    boolean ok = true;
    while (matcher.find()) {
      parts.add(text.substring(last, matcher.start()));
      String pathText = matcher.group(1).strip();
      FieldPath path = paths.resolve(at == null ? new ScalarNode(0, 0, text) : at, pathText, scope, PathResolver.Use.MESSAGE);
      if (path == null) {
        ok = false;
      } else {
        parts.add(path);
      }
      last = matcher.end();
    }
    parts.add(text.substring(last));
    return ok ? new MessageTemplate(parts) : null;
  }
}
