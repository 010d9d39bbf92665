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
    context.ids = SortedIds.NONE;
    context.undecided = SortedIds.NONE;
  }

  @Override
  public void accumulate(Ids context, Object value) {
    Fact fact = (Fact) value;
    switch (selector == null ? GroupSelector.Membership.COUNTED : selector.membership(fact)) {
      case COUNTED -> context.ids = context.ids.with(fact.id());
      case UNDECIDED -> context.undecided = context.undecided.with(fact.id());
      case LEFT_OUT -> { }
    }
  }

  @Override
  public void reverse(Ids context, Object value) {
    String id = ((Fact) value).id();
    context.ids = context.ids.without(id);
    context.undecided = context.undecided.without(id);
  }

  @Override
  public Object getResult(Ids context) {
    if (context.ids.size() == 1 && context.undecided.size() == 0) {
      return ValueGroup.alone(context.ids.first(1).get(0));
    }
    return new ValueGroup(context.ids.size(), context.ids.first(ValueGroup.SAMPLE + 1), context.undecided.size(),
        context.undecided.first(ValueGroup.SAMPLE + 1));
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

    private SortedIds ids = SortedIds.NONE;
    private SortedIds undecided = SortedIds.NONE;
  }

  /**
   * Ids in order. Almost every value of a fleet belongs to one fact (its credential, its certificate),
   * so none and one id are kept without a set: a million groups of one then cost no tree each.
   */
  private abstract static class SortedIds implements Serializable {

    private static final long serialVersionUID = 1L;

    static final SortedIds NONE = new Few(List.of());

    abstract SortedIds with(String id);

    abstract SortedIds without(String id);

    abstract int size();

    /** The smallest {@code count} ids (fewer when there are fewer), in order. */
    abstract List<String> first(int count);

    /** None or one id. */
    private static final class Few extends SortedIds {

      private static final long serialVersionUID = 1L;

      private final List<String> ids;

      Few(List<String> ids) {
        this.ids = ids;
      }

      @Override
      SortedIds with(String id) {
        if (ids.isEmpty()) {
          return new Few(List.of(id));
        }
        if (ids.get(0).equals(id)) {
          return this;
        }
        Many many = new Many();
        many.ids.add(ids.get(0));
        many.ids.add(id);
        return many;
      }

      @Override
      SortedIds without(String id) {
        return !ids.isEmpty() && ids.get(0).equals(id) ? NONE : this;
      }

      @Override
      int size() {
        return ids.size();
      }

      @Override
      List<String> first(int count) {
        return ids.size() <= count ? ids : ids.subList(0, count);
      }
    }

    /** Two ids or more, in a tree: adding or removing one is a logarithmic step. */
    private static final class Many extends SortedIds {

      private static final long serialVersionUID = 1L;

      private final TreeSet<String> ids = new TreeSet<>();

      @Override
      SortedIds with(String id) {
        ids.add(id);
        return this;
      }

      @Override
      SortedIds without(String id) {
        ids.remove(id);
        return this;
      }

      @Override
      int size() {
        return ids.size();
      }

      @Override
      List<String> first(int count) {
        List<String> first = new ArrayList<>(Math.min(ids.size(), count));
        for (String id : ids) {
          if (first.size() == count) {
            break;
          }
          first.add(id);
        }
        return first;
      }
    }
  }
}
