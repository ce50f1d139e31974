package io.dxrewrite.nn;

import java.lang.invoke.MethodHandles;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 6 queries x 4 vectors register block of {@link SimdExactIndex}: 24 fused multiply-add
 * accumulators hold {@code q.w} for 6 queries x 4L rows (L = lanes of the species), 4 loads
 * and one broadcast are live besides, 29 vector registers in all. 10 loads and broadcasts feed
 * 24 FMAs per coordinate (4x4: 8 feed 16); measured no faster than 4x4 on AVX-512, so not chosen.
 *
 * <p>A template, never loaded under its own name: {@link TileKernels} defines it as a hidden class
 * per vector species, with the species as class data, so that {@link #S} is a {@code static
 * final} constant the JIT compiles into the vector instructions of that width.
 */
final class Block6x4Kernel implements TileKernel {
  private static final VectorSpecies<Float> S = TileKernels.species(MethodHandles.lookup());
  private static final int L = S.length();
  private static final int TILE = 4 * L;
  private static final FloatVector MINUS_TWO = FloatVector.broadcast(S, -2f);

  @Override
  public int queriesPerBlock() {
    return 6;
  }

  @Override
  public int vectorsPerBlock() {
    return 4;
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
        scanTile(layout, t, q, g * 6, sets, thresholds, scratch);
      }
    }
  }

  /* As Block4x4Kernel: one compare per query on the lane-wise minimum of its score vectors. */
  private static void scanTile(
      TileLayout layout, int t, float[] q, int first, CandidateSet[] sets, float[] thresholds,
      float[] scratch) {
    float[] w = layout.transposed();
    int d = layout.dimension();
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = a00, a02 = a00, a03 = a00;
    FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
    FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
    FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
    FloatVector a40 = a00, a41 = a00, a42 = a00, a43 = a00;
    FloatVector a50 = a00, a51 = a00, a52 = a00, a53 = a00;
    int base = t * d * TILE;
    int q0 = first * d;
    int q1 = q0 + d;
    int q2 = q1 + d;
    int q3 = q2 + d;
    int q4 = q3 + d;
    int q5 = q4 + d;
    for (int j = 0; j < d; j++) {
      int off = base + j * TILE;
      FloatVector w0 = FloatVector.fromArray(S, w, off);
      FloatVector w1 = FloatVector.fromArray(S, w, off + 1 * L);
      FloatVector w2 = FloatVector.fromArray(S, w, off + 2 * L);
      FloatVector w3 = FloatVector.fromArray(S, w, off + 3 * L);
      FloatVector b = FloatVector.broadcast(S, q[q0 + j]);
      a00 = w0.fma(b, a00);
      a01 = w1.fma(b, a01);
      a02 = w2.fma(b, a02);
      a03 = w3.fma(b, a03);
      b = FloatVector.broadcast(S, q[q1 + j]);
      a10 = w0.fma(b, a10);
      a11 = w1.fma(b, a11);
      a12 = w2.fma(b, a12);
      a13 = w3.fma(b, a13);
      b = FloatVector.broadcast(S, q[q2 + j]);
      a20 = w0.fma(b, a20);
      a21 = w1.fma(b, a21);
      a22 = w2.fma(b, a22);
      a23 = w3.fma(b, a23);
      b = FloatVector.broadcast(S, q[q3 + j]);
      a30 = w0.fma(b, a30);
      a31 = w1.fma(b, a31);
      a32 = w2.fma(b, a32);
      a33 = w3.fma(b, a33);
      b = FloatVector.broadcast(S, q[q4 + j]);
      a40 = w0.fma(b, a40);
      a41 = w1.fma(b, a41);
      a42 = w2.fma(b, a42);
      a43 = w3.fma(b, a43);
      b = FloatVector.broadcast(S, q[q5 + j]);
      a50 = w0.fma(b, a50);
      a51 = w1.fma(b, a51);
      a52 = w2.fma(b, a52);
      a53 = w3.fma(b, a53);
    }
    float[] norms = layout.norms();
    int row0 = t * TILE;
    FloatVector n0 = FloatVector.fromArray(S, norms, row0);
    FloatVector n1 = FloatVector.fromArray(S, norms, row0 + 1 * L);
    FloatVector n2 = FloatVector.fromArray(S, norms, row0 + 2 * L);
    FloatVector n3 = FloatVector.fromArray(S, norms, row0 + 3 * L);
    // score = ||w||^2 - 2 q.w; the multiplication by -2 is exact, so the fma rounds like mul+add
    FloatVector s0 = a00.fma(MINUS_TWO, n0);
    FloatVector s1 = a01.fma(MINUS_TWO, n1);
    FloatVector s2 = a02.fma(MINUS_TWO, n2);
    FloatVector s3 = a03.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2).min(s3).compare(VectorOperators.LE, thresholds[first]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      TileKernels.offer(scratch, TILE, row0, first, sets, thresholds, layout.size());
    }
    s0 = a10.fma(MINUS_TWO, n0);
    s1 = a11.fma(MINUS_TWO, n1);
    s2 = a12.fma(MINUS_TWO, n2);
    s3 = a13.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2).min(s3).compare(VectorOperators.LE, thresholds[first + 1]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      TileKernels.offer(scratch, TILE, row0, first + 1, sets, thresholds, layout.size());
    }
    s0 = a20.fma(MINUS_TWO, n0);
    s1 = a21.fma(MINUS_TWO, n1);
    s2 = a22.fma(MINUS_TWO, n2);
    s3 = a23.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2).min(s3).compare(VectorOperators.LE, thresholds[first + 2]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      TileKernels.offer(scratch, TILE, row0, first + 2, sets, thresholds, layout.size());
    }
    s0 = a30.fma(MINUS_TWO, n0);
    s1 = a31.fma(MINUS_TWO, n1);
    s2 = a32.fma(MINUS_TWO, n2);
    s3 = a33.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2).min(s3).compare(VectorOperators.LE, thresholds[first + 3]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      TileKernels.offer(scratch, TILE, row0, first + 3, sets, thresholds, layout.size());
    }
    s0 = a40.fma(MINUS_TWO, n0);
    s1 = a41.fma(MINUS_TWO, n1);
    s2 = a42.fma(MINUS_TWO, n2);
    s3 = a43.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2).min(s3).compare(VectorOperators.LE, thresholds[first + 4]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      TileKernels.offer(scratch, TILE, row0, first + 4, sets, thresholds, layout.size());
    }
    s0 = a50.fma(MINUS_TWO, n0);
    s1 = a51.fma(MINUS_TWO, n1);
    s2 = a52.fma(MINUS_TWO, n2);
    s3 = a53.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2).min(s3).compare(VectorOperators.LE, thresholds[first + 5]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      TileKernels.offer(scratch, TILE, row0, first + 5, sets, thresholds, layout.size());
    }
  }
}
