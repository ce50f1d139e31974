package io.dxrewrite.nn;

import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 4 queries x 3 vectors register block of {@link SimdExactIndex}: 12 fused multiply-add
 * accumulators hold {@code q.w} for 4 queries x 3L rows (L = lanes of the species), 3 loads
 * and one broadcast are live besides, 16 vector registers in all.
 *
 * <p>A template, never loaded under its own name: {@link TileKernels} defines it as a hidden class
 * per vector species, with the species as class data, so that {@link #S} is a {@code static
 * final} constant the JIT compiles into the vector instructions of that width (a species held in
 * an instance field is not a constant and the Vector API then boxes every vector).
 */
final class Block4x3Kernel implements TileKernel {
  private static final VectorSpecies<Float> S = TileKernels.species(MethodHandles.lookup());
  private static final int L = S.length();
  private static final int TILE = 3 * L;
  private static final FloatVector MINUS_TWO = FloatVector.broadcast(S, -2f);

  @Override
  public int queriesPerBlock() {
    return 4;
  }

  @Override
  public int vectorsPerBlock() {
    return 3;
  }

  @Override
  public int lanes() {
    return L;
  }

  @Override
  public void scan(
      TileLayout layout, float[] q, int groups, CandidateSet[] sets, float[] thresholds, float[] scratch) {
    // tile-major: one tile (d x TILE floats) stays in L1 while every query group of the task uses it
    for (int t = 0; t < layout.tiles(); t++) {
      for (int g = 0; g < groups; g++) {
        scanTile(layout, t, q, g * 4, sets, thresholds, scratch);
      }
    }
  }

  /*
   * The threshold test is one compare per query on the lane-wise minimum of its score vectors; only
   * a hit leaves the vector code, through a scratch array into a method that takes no vectors
   * (a vector passed to a method the JIT does not inline is boxed).
   */
  private static void scanTile(
      TileLayout layout, int t, float[] q, int first, CandidateSet[] sets, float[] thresholds,
      float[] scratch) {
    float[] w = layout.transposed();
    int d = layout.dimension();
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = a00, a02 = a00;
    FloatVector a10 = a00, a11 = a00, a12 = a00;
    FloatVector a20 = a00, a21 = a00, a22 = a00;
    FloatVector a30 = a00, a31 = a00, a32 = a00;
    int base = t * d * TILE;
    int q0 = first * d;
    int q1 = q0 + d;
    int q2 = q1 + d;
    int q3 = q2 + d;
    for (int j = 0; j < d; j++) {
      int off = base + j * TILE;
      FloatVector w0 = FloatVector.fromArray(S, w, off);
      FloatVector w1 = FloatVector.fromArray(S, w, off + L);
      FloatVector w2 = FloatVector.fromArray(S, w, off + 2 * L);
      FloatVector b = FloatVector.broadcast(S, q[q0 + j]);
      a00 = w0.fma(b, a00);
      a01 = w1.fma(b, a01);
      a02 = w2.fma(b, a02);
      b = FloatVector.broadcast(S, q[q1 + j]);
      a10 = w0.fma(b, a10);
      a11 = w1.fma(b, a11);
      a12 = w2.fma(b, a12);
      b = FloatVector.broadcast(S, q[q2 + j]);
      a20 = w0.fma(b, a20);
      a21 = w1.fma(b, a21);
      a22 = w2.fma(b, a22);
      b = FloatVector.broadcast(S, q[q3 + j]);
      a30 = w0.fma(b, a30);
      a31 = w1.fma(b, a31);
      a32 = w2.fma(b, a32);
    }
    float[] norms = layout.norms();
    int row0 = t * TILE;
    FloatVector n0 = FloatVector.fromArray(S, norms, row0);
    FloatVector n1 = FloatVector.fromArray(S, norms, row0 + L);
    FloatVector n2 = FloatVector.fromArray(S, norms, row0 + 2 * L);
    // score = ||w||^2 - 2 q.w; the multiplication by -2 is exact, so the fma rounds like mul+add
    FloatVector s0 = a00.fma(MINUS_TWO, n0);
    FloatVector s1 = a01.fma(MINUS_TWO, n1);
    FloatVector s2 = a02.fma(MINUS_TWO, n2);
    if (s0.min(s1).min(s2).compare(VectorOperators.LE, thresholds[first]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      TileKernels.offer(scratch, TILE, row0, first, sets, thresholds, layout.size());
    }
    s0 = a10.fma(MINUS_TWO, n0);
    s1 = a11.fma(MINUS_TWO, n1);
    s2 = a12.fma(MINUS_TWO, n2);
    if (s0.min(s1).min(s2).compare(VectorOperators.LE, thresholds[first + 1]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      TileKernels.offer(scratch, TILE, row0, first + 1, sets, thresholds, layout.size());
    }
    s0 = a20.fma(MINUS_TWO, n0);
    s1 = a21.fma(MINUS_TWO, n1);
    s2 = a22.fma(MINUS_TWO, n2);
    if (s0.min(s1).min(s2).compare(VectorOperators.LE, thresholds[first + 2]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      TileKernels.offer(scratch, TILE, row0, first + 2, sets, thresholds, layout.size());
    }
    s0 = a30.fma(MINUS_TWO, n0);
    s1 = a31.fma(MINUS_TWO, n1);
    s2 = a32.fma(MINUS_TWO, n2);
    if (s0.min(s1).min(s2).compare(VectorOperators.LE, thresholds[first + 3]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      TileKernels.offer(scratch, TILE, row0, first + 3, sets, thresholds, layout.size());
    }
  }
}
