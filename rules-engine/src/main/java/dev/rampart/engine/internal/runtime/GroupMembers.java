package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.GroupSelector;
import dev.rampart.engine.internal.eval.ValueGroup;
import dev.rampart.spi.fact.Fact;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kie.api.runtime.rule.AccumulateFunction;

/**
 * The accumulate function of a {@code unique} check's group-by: the ids of the facts that share one
 * value, kept in order, handed to the rules as a {@link ValueGroup}. For {@code uniqueAmong}, a
 * member counts only where the check's selection holds for it, and is kept apart where the selection
 * is UNKNOWN for it. Adding or removing a fact costs a logarithmic step, so truth maintenance follows
 * a fleet's changes without recounting a group.
 */
final class GroupMembers implements AccumulateFunction<GroupMembers.Ids> {

  private final @Nullable GroupSelector selector;

  /** @param selector which members count; {@code null} for all of them */
  GroupMembers(@Nullable GroupSelector selector) {
    this.selector = selector;
  }

  @Override
  public Ids createContext() {
    return new Ids();
  }

  @Override
  public void init(Ids context) {
    context.ids.clear();
    context.undecided.clear();
  }

  @Override
  public void accumulate(Ids context, Object value) {
    Fact fact = (Fact) value;
    switch (selector == null ? GroupSelector.Membership.COUNTED : selector.membership(fact)) {
      case COUNTED -> context.ids.add(fact.id());
      case UNDECIDED -> context.undecided.add(fact.id());
      case LEFT_OUT -> { }
    }
  }

  @Override
  public void reverse(Ids context, Object value) {
    String id = ((Fact) value).id();
    context.ids.remove(id);
    context.undecided.remove(id);
  }

  @Override
  public Object getResult(Ids context) {
    if (context.ids.size() == 1 && context.undecided.isEmpty()) {
      return ValueGroup.alone(context.ids.first());
    }
    return new ValueGroup(context.ids.size(), first(context.ids), context.undecided.size(), first(context.undecided));
  }

  private static List<String> first(TreeSet<String> ids) {
    List<String> first = new ArrayList<>(Math.min(ids.size(), ValueGroup.SAMPLE + 1));
    for (String id : ids) {
      if (first.size() > ValueGroup.SAMPLE) {
        break;
      }
      first.add(id);
    }
    return first;
  }

  @Override
  public boolean supportsReverse() {
    return true;
  }

  @Override
  public Class<?> getResultType() {
    return ValueGroup.class;
  }

  @Override
  public void writeExternal(ObjectOutput out) {
    // stateless: the state is in the context
  }

  @Override
  public void readExternal(ObjectInput in) {
    // stateless: the state is in the context
  }

  /** The ids of one group, counted and undecided; a session holds the facts of a type with distinct ids. */
  static final class Ids implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeSet<String> ids = new TreeSet<>();
    private final TreeSet<String> undecided = new TreeSet<>();
  }
}
