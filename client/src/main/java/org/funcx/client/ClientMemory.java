package org.funcx.client;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The SDK's Arrow memory: one root for the process; every table handed to the caller has its own
 * child allocator and releases it when the caller closes the table.
 */
final class ClientMemory {
  static final BufferAllocator ALLOCATOR = new RootAllocator();

  private ClientMemory() {}
}
