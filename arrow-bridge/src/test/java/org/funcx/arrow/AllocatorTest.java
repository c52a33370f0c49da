package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Gives each test a fresh {@link RootAllocator} and closes it afterwards: any buffer or child
 * allocator still open makes the test fail, so every test is also a leak check.
 */
abstract class AllocatorTest {
  protected BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocatorAndCheckForLeaks() {
    long outstanding = allocator.getAllocatedMemory();
    allocator.close(); // throws IllegalStateException "Memory was leaked" for open children/buffers
    assertThat(outstanding).as("bytes still allocated after the test").isZero();
  }

  protected ArrowEncoder encoder() {
    return new ArrowEncoder(allocator, ArrowEncoderConfig.defaults());
  }

  protected ArrowEncoder encoder(ArrowEncoderConfig config) {
    return new ArrowEncoder(allocator, config);
  }

  protected ArrowDecoder decoder() {
    return new ArrowDecoder(allocator);
  }
}
