package io.dxrewrite.nlu.data;

import io.dxrewrite.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The class names of a task, sorted, each with a dense index 0..K-1. Immutable. */
public final class LabelSet {
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  /**
   * @param names distinct class names in index order
   */
  public LabelSet(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < this.names.size(); i++) {
      index.put(this.names.get(i), i);
    }
  }

  /**
   * @param examples records
   * @return the sorted set of their labels
   */
  public static LabelSet of(Collection<LabelledExample> examples) {
    TreeSet<String> sorted = new TreeSet<>();
    examples.forEach(e -> sorted.add(e.label()));
    return new LabelSet(new ArrayList<>(sorted));
  }

  /** @return K, the number of classes */
  public int size() {
    return names.size();
  }

  /** @return class names in index order */
  public List<String> names() {
    return names;
  }

  /**
   * @param examples records whose labels are all in this set
   * @return their class indices, {@code int[examples.size()]}
   * @throws InvalidInputException if a label is unknown (e.g. a test label never seen in training)
   */
  public int[] indices(List<LabelledExample> examples) {
    int[] out = new int[examples.size()];
    for (int i = 0; i < out.length; i++) {
      Integer k = index.get(examples.get(i).label());
      if (k == null) {
        throw new InvalidInputException("record " + (i + 1)
            + " has a label that does not occur in the training data");
      }
      out[i] = k;
    }
    return out;
  }
}
