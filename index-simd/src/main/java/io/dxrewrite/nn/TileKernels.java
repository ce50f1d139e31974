package io.dxrewrite.nn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandles.Lookup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Makes the {@link TileKernel} of a block shape for a vector width, once per JVM and pair.
 *
 * <p>Each shape has one template class ({@link Block4x4Kernel}, {@link Block4x3Kernel}, {@link
 * Block2x4Kernel}); its bytes are defined again as a hidden class ({@link
 * Lookup#defineHiddenClassWithClassData}) whose class data is the float species of the asked width.
 * The template reads it into a {@code static final} field, which the JIT treats as a constant, so
 * every width runs fully compiled vector code from one source. A width wider than the hardware's
 * runs too, in the Vector API's Java fallback (slowly): that is how the tests exercise 512-bit code
 * on a 256-bit machine.
 */
final class TileKernels {
  private static final Map<String, TileKernel> KERNELS = new ConcurrentHashMap<>();

  private TileKernels() {}

  /**
   * @param shape the register block
   * @param bits vector width in bits: 64, 128, 256 or 512
   * @return the kernel (shared; kernels hold no state)
   * @throws IllegalArgumentException for another width
   * @throws IllegalStateException if the template cannot be defined (a broken class path)
   */
  static TileKernel kernel(BlockShape shape, int bits) {
    VectorSpecies<Float> species = FloatVector.SPECIES_MAX.withShape(VectorShape.forBitSize(bits));
    return KERNELS.computeIfAbsent(shape.template() + "/" + bits, key -> define(shape, species));
  }

  private static TileKernel define(BlockShape shape, VectorSpecies<Float> species) {
    String resource = shape.template() + ".class";
    try (InputStream in = TileKernels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("kernel template " + resource + " missing from the class path");
      }
      byte[] bytes = in.readAllBytes();
      Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, species, true);
      return (TileKernel) hidden.lookupClass().getDeclaredConstructor().newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot define the " + shape + " kernel", e);
    }
  }

  /**
   * Called from a template's static initializer.
   *
   * @param lookup the hidden kernel class's own lookup
   * @return the species given as its class data
   */
  @SuppressWarnings("unchecked")
  static VectorSpecies<Float> species(Lookup lookup) {
    try {
      return MethodHandles.classData(lookup, "_", VectorSpecies.class);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("a kernel template was loaded other than by TileKernels", e);
    }
  }

  /**
   * The kernels' slow path: offers the scores of one query against a tile's rows that are at most
   * its threshold, tightening the threshold after each.
   *
   * @param scores {@code float[rows]}: the query's scores for rows {@code row0 .. row0+rows-1}
   * @param rows rows per tile
   * @param row0 the tile's first row id
   * @param query index of the query in the task
   * @param sets candidate sets of the task's queries
   * @param thresholds per query, float32 rounded up
   * @param v V: rows at or above it are padding
   */
  static void offer(
      float[] scores, int rows, int row0, int query, CandidateSet[] sets, float[] thresholds, int v) {
    CandidateSet set = sets[query];
    for (int lane = 0; lane < rows; lane++) {
      if (scores[lane] <= thresholds[query] && row0 + lane < v) {
        set.offer(row0 + lane, scores[lane]);
        thresholds[query] = toFloatUp(set.threshold());
      }
    }
  }

  /**
   * @param value a double
   * @return the smallest float at least {@code value}
   */
  static float toFloatUp(double value) {
    float f = (float) value;
    return f < value ? Math.nextUp(f) : f;
  }
}
