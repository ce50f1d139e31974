package io.dxrewrite.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The screening bound must cover the real error of a bf16 tensor-core score. The kernel's
 * arithmetic is emulated exactly: inputs rounded to bf16 (round to nearest even), products exact in
 * float32, float32 accumulation in three orders (sequential, pairwise, and truncating every
 * addition), the score formed with one fused multiply-add. The reference score is computed in
 * float64 from the float32 inputs (its own error, about 1e-14 relative, is far below the bound).
 */
class TensorCoreScreeningBoundTest {
  private static final long SEED = 20261129L;

  static float bf16(float x) {
    int bits = Float.floatToRawIntBits(x);
    int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
    return Float.intBitsToFloat(rounded & 0xFFFF0000);
  }

  private static float truncatingAdd(float a, float b) {
    double exact = (double) a + b;
    float f = (float) exact;
    if (Math.abs((double) f) > Math.abs(exact)) {
      f = Math.nextAfter(f, 0.0);
    }
    return f;
  }

  /** The worst ratio |s~ - s| / E over the three accumulation orders. */
  private static double worstRatio(TensorCoreScreeningBound bound, float[] q, float[] w) {
    int d = q.length;
    double exactDot = 0;
    double n = 0;
    double qn = 0;
    for (int j = 0; j < d; j++) {
      exactDot += (double) q[j] * w[j];
      n += (double) w[j] * w[j];
      qn += (double) q[j] * q[j];
    }
    double s = n - 2 * exactDot;
    float nw = (float) n;
    float[] p = new float[d];
    for (int j = 0; j < d; j++) {
      p[j] = bf16(q[j]) * bf16(w[j]); // exact: 8 x 8 significant bits
    }
    float sequential = 0;
    float truncating = 0;
    for (int j = 0; j < d; j++) {
      sequential += p[j];
      truncating = truncatingAdd(truncating, p[j]);
    }
    float pairwise = pairwise(p, 0, d);
    double e = bound.error(Math.sqrt(qn), Math.sqrt(n));
    double worst = 0;
    for (float dot : new float[] {sequential, truncating, pairwise}) {
      float score = Math.fma(-2f, dot, nw);
      worst = Math.max(worst, Math.abs(score - s) / e);
    }
    return worst;
  }

  private static float pairwise(float[] p, int from, int to) {
    if (to - from == 1) {
      return p[from];
    }
    int mid = (from + to) >>> 1;
    return pairwise(p, from, mid) + pairwise(p, mid, to);
  }

  /**
   * Inputs chosen so that every bf16 rounding errs in the same direction by almost half a bf16
   * ulp, on aligned vectors: the error of the dot product approaches 2 u_b ||q|| ||w||, the leading
   * term of the bound.
   */
  private static float[][] adversarialPair(SplittableRandom random, int d) {
    float[] q = new float[d];
    float[] w = new float[d];
    for (int j = 0; j < d; j++) {
      float base = (float) Math.scalb(1.0, random.nextInt(-3, 3));
      // just below the midpoint between two bf16 neighbours (spacing 2^-7 in [1, 2)): rounds down
      // by almost half an ulp; same base for q and w keeps the vectors nearly parallel
      q[j] = base * (1 + (2 * random.nextInt(32) + 1) / 256f - 1 / 65536f);
      w[j] = base * (1 + (2 * random.nextInt(32) + 1) / 256f - 1 / 65536f);
    }
    return new float[][] {q, w};
  }

  @Test
  void boundCoversRandomAndAdversarialScores() {
    // H0: the bound holds; rejected by any single case with |s~ - s| > E.
    SplittableRandom random = new SplittableRandom(SEED);
    for (int d : new int[] {4, 50, 100, 300}) {
      TensorCoreScreeningBound bound = new TensorCoreScreeningBound(d);
      double worst = 0;
      for (int trial = 0; trial < 2000; trial++) {
        float[] q = new float[d];
        float[] w = new float[d];
        double scale = Math.pow(10, random.nextInt(-2, 4));
        for (int j = 0; j < d; j++) {
          w[j] = (float) (scale * random.nextGaussian());
          q[j] = (float) (w[j] + scale * 0.3 * random.nextGaussian());
        }
        worst = Math.max(worst, worstRatio(bound, q, w));
        float[][] adv = adversarialPair(random, d);
        worst = Math.max(worst, worstRatio(bound, adv[0], adv[1]));
      }
      assertThat(worst).as("worst |s~ - s| / E at d=%d", d).isLessThanOrEqualTo(1.0);
      // the bound is not vacuous: the adversarial cases reach a good fraction of it
      assertThat(worst).as("tightness at d=%d", d).isGreaterThan(0.5);
    }
  }

  @Test
  void aBoundThatAssumesTf32InputsIsViolatedByBf16Screening() {
    // The same test with the input rounding of tf32 (2^-11) must fail: it shows the test can
    // catch a wrong bound.
    SplittableRandom random = new SplittableRandom(SEED + 1);
    int d = 100;
    TensorCoreScreeningBound tooTight = new TensorCoreScreeningBound(d, Math.scalb(1.0, -11), 1.0);
    double worst = 0;
    for (int trial = 0; trial < 200; trial++) {
      float[][] adv = adversarialPair(random, d);
      worst = Math.max(worst, worstRatio(tooTight, adv[0], adv[1]));
    }
    assertThat(worst).isGreaterThan(1.0);
  }

  @Test
  void kernelCoefficientsAreTheBoundTimesTheSafetyFactorRoundedUp() {
    TensorCoreScreeningBound bound = new TensorCoreScreeningBound(100);
    SplittableRandom random = new SplittableRandom(SEED + 2);
    for (int i = 0; i < 1000; i++) {
      double qn = Math.pow(10, random.nextDouble(-3, 4));
      double wn = Math.pow(10, random.nextDouble(-3, 4));
      // delta as the kernel forms it, in float32, with the stored (rounded) norms
      float wnUp = TensorCoreScreeningBound.up(wn);
      float nw = (float) (wn * wn);
      float delta = Math.fma(bound.a(qn), wnUp, Math.fma(bound.b(), nw, bound.c(qn)));
      assertThat((double) delta)
          .isGreaterThanOrEqualTo(TensorCoreScreeningBound.SAFETY * bound.error(qn, wn) * (1 - 1e-6));
    }
  }

  @Test
  void rejectsNonsenseParameters() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TensorCoreScreeningBound(0))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TensorCoreScreeningBound(10, Math.scalb(1.0, -8), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
