package org.funcx.client;

/** Receives what a task prints as it comes ({@link FuncXClient#followOutput}). */
@FunctionalInterface
public interface OutputListener {
  /** @param stderr true for text the task printed to System.err */
  void printed(boolean stderr, String text);
}
