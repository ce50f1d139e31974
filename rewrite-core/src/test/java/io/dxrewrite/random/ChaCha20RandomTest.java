package io.dxrewrite.random;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.testing.StatisticalTests;
import java.util.HexFormat;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ChaCha20RandomTest {
  /**
   * RFC 8439, section 2.3.2 (ChaCha20 block function test vector): key 00..1f, nonce
   * 000000090000004a00000000, block counter 1.
   */
  @Test
  void keystreamMatchesRfc8439BlockTestVector() {
    byte[] key = new byte[32];
    for (int i = 0; i < 32; i++) {
      key[i] = (byte) i;
    }
    byte[] nonce = HexFormat.of().parseHex("000000090000004a00000000");
    byte[] out = new byte[16];
    ChaCha20Random.withKey(key, nonce, 1).nextBytes(out);
    assertThat(HexFormat.of().formatHex(out)).isEqualTo("10f1e7e4d13b5915500fdd1fa32071c4");
  }

  /** Null hypothesis: nextGaussian over the keystream is N(0, 1) (KS test, suite alpha). */
  @Test
  void gaussiansFromTheKeystreamAreStandardNormal() {
    ChaCha20Random random = ChaCha20Random.withKey(new byte[32], new byte[12], 0);
    double[] z = new double[20_000];
    for (int i = 0; i < z.length; i++) {
      z[i] = random.nextGaussian();
    }
    StatisticalTests.assertKolmogorovSmirnov("ChaCha20 Gaussians, zero key",
        new NormalDistribution(0, 1), z);
  }

  @Test
  void freshInstancesDiffer() {
    assertThat(ChaCha20Random.fromSecureRandom().nextLong())
        .isNotEqualTo(ChaCha20Random.fromSecureRandom().nextLong());
  }
}
