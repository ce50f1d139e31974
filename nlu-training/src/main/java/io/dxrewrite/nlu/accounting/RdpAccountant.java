package io.dxrewrite.nlu.accounting;

import io.dxrewrite.error.DxPreconditions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * A Renyi-DP accountant (Mironov, "Renyi Differential Privacy", CSF 2017): RDP composes by adding
 * the curves order by order; the total is converted to (epsilon, delta) by {@link RdpConversion}.
 * Per-step curves come from {@link SampledGaussianRdp}. Thread-safe.
 */
public final class RdpAccountant implements PrivacyAccountant {
  /**
   * The default grid of orders, as in Google dp-accounting's {@code DEFAULT_RDP_ORDERS}: 1.1 to
   * 10.9 in steps of 0.1 (fractional orders matter for large epsilon), the integers 11 to 63, and
   * 128, 256, 512, 1024 (small epsilon). Immutable; {@link #defaultOrders()} gives it as a fresh
   * {@code double[]}.
   */
  public static final List<Double> DEFAULT_ORDERS =
      DoubleStream.concat(
              DoubleStream.concat(
                  IntStream.range(1, 100).mapToDouble(x -> 1 + x / 10.0),
                  IntStream.range(11, 64).asDoubleStream()),
              DoubleStream.of(128, 256, 512, 1024))
          .boxed()
          .collect(Collectors.toUnmodifiableList());

  private final double[] orders;
  private final double[] rdp;

  /** An accountant over {@link #DEFAULT_ORDERS}. */
  public RdpAccountant() {
    this(defaultOrders());
  }

  /**
   * @return a new array holding {@link #DEFAULT_ORDERS}, in order; the caller may modify it
   */
  public static double[] defaultOrders() {
    return DEFAULT_ORDERS.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * @param orders Renyi orders, each > 1
   * @throws io.dxrewrite.error.InvalidParameterException if an order is <= 1 or the grid is empty
   */
  public RdpAccountant(double[] orders) {
    DxPreconditions.checkArgument(orders.length > 0, "at least one Renyi order is needed");
    for (double a : orders) {
      DxPreconditions.checkArgument(a > 1, "Renyi orders must be > 1, got " + a);
    }
    this.orders = orders.clone();
    this.rdp = new double[orders.length];
  }

  @Override
  public synchronized void composePoissonGaussian(
      double samplingRate, double noiseMultiplier, long steps) {
    DxPreconditions.checkArgument(steps >= 0, "steps must be >= 0, got " + steps);
    if (steps == 0) {
      return;
    }
    for (int k = 0; k < orders.length; k++) {
      rdp[k] += steps * SampledGaussianRdp.rdp(samplingRate, noiseMultiplier, orders[k]);
    }
  }

  @Override
  public synchronized PrivacySpent spent(double delta) {
    return RdpConversion.epsilon(orders, rdp, delta);
  }

  /**
   * @return a copy of the composed RDP curve, aligned with {@link #orders()}
   */
  public synchronized double[] rdp() {
    return rdp.clone();
  }

  /**
   * @return a copy of the Renyi orders
   */
  public double[] orders() {
    return orders.clone();
  }

  /**
   * The epsilon of {@code steps} Poisson-subsampled Gaussian steps, without keeping state.
   *
   * @param samplingRate q in [0, 1]
   * @param noiseMultiplier sigma >= 0
   * @param steps number of steps, >= 0
   * @param delta target delta in (0, 1)
   * @param orders the Renyi orders to optimise over
   * @return the guarantee
   */
  public static PrivacySpent epsilonOf(
      double samplingRate, double noiseMultiplier, long steps, double delta, double[] orders) {
    RdpAccountant accountant = new RdpAccountant(orders);
    accountant.composePoissonGaussian(samplingRate, noiseMultiplier, steps);
    return accountant.spent(delta);
  }

  @Override
  public synchronized String toString() {
    return "RdpAccountant" + Arrays.toString(rdp);
  }
}
