package dev.rampart.engine.internal.eval;

import dev.rampart.engine.internal.ast.Condition;
import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.ast.Operand;
import dev.rampart.engine.internal.ast.Operator;
import dev.rampart.engine.internal.ast.RuleDef;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.spi.fact.Fact;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A copy of a fact that keeps only what some rules read: every field on a path their conditions
 * and messages name, and nothing else. The rules evaluate the copy exactly as they would the fact,
 * since no other field is ever looked at, while the copy costs a fraction of the memory. Used to
 * keep a whole fleet in the session that decides uniqueness without keeping every device whole.
 */
public final class Projection {

  private final Node root;

  private Projection(Node root) {
    this.root = root;
  }

  /** The projection serving these rules, all of one target type. */
  public static Projection of(List<RuleProgram> programs) {
    Node root = new Node();
    root.child("id").whole = true;
    for (RuleProgram program : programs) {
      RuleDef rule = program.definition();
      root.condition(rule.when(), root);
      root.condition(rule.assertion(), root);
      for (Object part : rule.message().parts()) {
        if (part instanceof FieldPath path) {
          root.path(path);
        }
      }
    }
    return new Projection(root);
  }

  /** The fact with only the projected fields; the id is always kept. */
  public Fact apply(Fact fact) {
    return (Fact) root.project(fact);
  }

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return new Shape(type);
    }
  };

  /** A record type's components and canonical constructor, looked up once. */
  private static final class Shape {

    private final List<String> names = new ArrayList<>();
    private final Method[] accessors;
    private final Constructor<?> constructor;

    Shape(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      accessors = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        names.add(components[i].getName());
        accessors[i] = components[i].getAccessor();
      }
      try {
        constructor = type.getDeclaredConstructor(
            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
      }
    }

    private volatile Object empty;

    /** The record with every component null, made once. */
    Object empty() throws ReflectiveOperationException {
      Object instance = empty;
      if (instance == null) {
        instance = constructor.newInstance(new Object[accessors.length]);
        empty = instance;
      }
      return instance;
    }

    int index(String component) {
      int index = names.indexOf(component);
      if (index < 0) {
        throw new IllegalStateException("no component '" + component + "' in the fact model");
      }
      return index;
    }
  }

  private static boolean sameInstances(Object[] a, Object[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  /** The fields kept below one record: a field is kept whole, or projected in turn when it is a record. */
  private static final class Node {

    private final Map<String, Node> children = new LinkedHashMap<>();
    private boolean whole;
    // The copy made last and what it was made of: consecutive facts often project to equal parts (a
    // fleet's lifecycle is mostly "in service", and vocabulary values are one instance each), and a
    // million devices then share one part instead of holding a copy each.
    private volatile @Nullable Made last;

    private record Made(Object[] arguments, Object copy) {}

    Node child(String name) {
      return children.computeIfAbsent(name, n -> new Node());
    }

    /** Adds the paths a condition reads; {@code factRoot} is where field references start. */
    void condition(@Nullable Condition condition, Node factRoot) {
      if (condition instanceof Condition.All all) {
        all.children().forEach(child -> condition(child, factRoot));
      } else if (condition instanceof Condition.Any any) {
        any.children().forEach(child -> condition(child, factRoot));
      } else if (condition instanceof Condition.Not not) {
        condition(not.child(), factRoot);
      } else if (condition instanceof Condition.Quantified quantified) {
        Node list = path(quantified.list(), false);
        // the elements of a list of references are other facts, which are never projected
        if (list != null) {
          list.condition(quantified.where(), factRoot);
        }
      } else if (condition instanceof Condition.Leaf leaf) {
        // whether a field exists needs only that it is there: a record is kept as an empty copy
        path(leaf.path(), leaf.operator() != Operator.EXISTS);
        if (leaf.operand() instanceof Operand.FieldRef ref) {
          factRoot.path(ref.path());
        }
        // a uniqueAmong selection reads the other facts, which are projected alike
        if (leaf.operand() instanceof Operand.Selection selection) {
          factRoot.condition(selection.condition(), factRoot);
        }
      }
    }

    void path(FieldPath path) {
      path(path, true);
    }

    /**
     * Marks a path as read. Its last field is kept whole when {@code wholeEnd}; otherwise the node for
     * it is returned to add what is read below it (null when the path leaves the fact through a
     * reference, past which nothing of this fact is read).
     */
    @Nullable Node path(FieldPath path, boolean wholeEnd) {
      if (path.isSelf()) {
        whole = wholeEnd || whole;
        return this;
      }
      Node node = this;
      List<FieldPath.Step> steps = path.steps();
      for (int i = 0; i < steps.size(); i++) {
        FieldPath.Step step = steps.get(i);
        boolean reference = step.field().target() != null;
        node = node.child(reference ? Schemas.componentName(step.field()) : step.field().name());
        boolean last = i == steps.size() - 1;
        if (step.key() != null || reference) {
          // a map is kept whole; so is a reference's id, the join reads it
          node.whole = true;
          return null;
        }
        if (last && wholeEnd) {
          node.whole = true;
        }
      }
      return node;
    }

    @Nullable Object project(@Nullable Object value) {
      if (value == null || whole) {
        return value;
      }
      if (value instanceof List<?> list) {
        List<Object> projected = new ArrayList<>(list.size());
        list.forEach(element -> projected.add(project(element)));
        return projected;
      }
      if (!(value instanceof Record record)) {
        return value;
      }
      Shape shape = SHAPES.get(record.getClass());
      Object[] arguments = new Object[shape.accessors.length];
      try {
        if (children.isEmpty()) {
          // only its presence is read: every such copy is alike, so one serves all
          return shape.empty();
        }
        for (Map.Entry<String, Node> kept : children.entrySet()) {
          int i = shape.index(kept.getKey());
          arguments[i] = kept.getValue().project(shape.accessors[i].invoke(record));
        }
        Made made = last;
        if (made != null && made.copy.getClass() == record.getClass() && sameInstances(made.arguments, arguments)) {
          return made.copy;
        }
        Object copy = shape.constructor.newInstance(arguments);
        last = new Made(arguments, copy);
        return copy;
      } catch (ReflectiveOperationException e) {
        Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
        throw new IllegalStateException("cannot project " + record.getClass().getSimpleName() + ": " + cause, cause);
      }
    }
  }
}
