package io.dxrewrite.server.api;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The race between a request's deadline and its commit to the ledger: exactly one wins. A request
 * that timed out is never charged and its results are dropped; a request that reached its commit
 * is answered even if the deadline passes meanwhile.
 */
public final class Deadline {
  private static final int PENDING = 0;
  private static final int COMMITTING = 1;
  private static final int TIMED_OUT = 2;

  private final AtomicInteger state = new AtomicInteger(PENDING);

  /**
   * @return {@code true} while neither the deadline nor the commit has happened
   */
  public boolean pending() {
    return state.get() == PENDING;
  }

  /**
   * @return {@code true} if the caller may commit (the deadline has not passed)
   */
  public boolean tryCommit() {
    return state.compareAndSet(PENDING, COMMITTING);
  }

  /**
   * @return {@code true} if the deadline won: the request must be answered 503 and never charged
   */
  public boolean tryExpire() {
    return state.compareAndSet(PENDING, TIMED_OUT);
  }
}
