package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.eval.ValueGroup;
import dev.rampart.spi.fact.Fact;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.kie.api.runtime.rule.AccumulateFunction;

/**
 * The accumulate function of a {@code unique} check's group-by: the ids of the facts that share one
 * value, kept in order, handed to the rules as a {@link ValueGroup}. Adding or removing a fact costs
 * a logarithmic step, so truth maintenance follows a fleet's changes without recounting a group.
 */
final class GroupMembers implements AccumulateFunction<GroupMembers.Ids> {

  @Override
  public Ids createContext() {
    return new Ids();
  }

  @Override
  public void init(Ids context) {
    context.ids.clear();
  }

  @Override
  public void accumulate(Ids context, Object value) {
    context.ids.add(((Fact) value).id());
  }

  @Override
  public void reverse(Ids context, Object value) {
    context.ids.remove(((Fact) value).id());
  }

  @Override
  public Object getResult(Ids context) {
    if (context.ids.size() == 1) {
      return ValueGroup.alone(context.ids.first());
    }
    List<String> first = new ArrayList<>(ValueGroup.SAMPLE + 1);
    for (String id : context.ids) {
      if (first.size() > ValueGroup.SAMPLE) {
        break;
      }
      first.add(id);
    }
    return new ValueGroup(context.ids.size(), first);
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

  /** The ids of one group; a session holds the facts of a type with distinct ids. */
  static final class Ids implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeSet<String> ids = new TreeSet<>();
  }
}
