package org.funcx.service.store;

import java.nio.file.Path;

/** The stores a store test runs against, with the same assertions: embedded H2, PostgreSQL. */
public enum StoreBackend {
  H2,
  POSTGRESQL;

  /** The registry and task store of one test, in {@code dir} or in a fresh PostgreSQL schema. */
  public TestStores open(Path dir) {
    return this == H2
        ? new TestStores(dir, null)
        : new TestStores(dir, RealPostgres.start().freshSchema());
  }

  /** One test's stores; the task store can be reopened over the same data (a restart). */
  public static final class TestStores implements AutoCloseable {
    private final Path dir;
    private final PostgresDatabase postgres;
    private final Registry registry;

    TestStores(Path dir, PostgresDatabase postgres) {
      this.dir = dir;
      this.postgres = postgres;
      this.registry =
          postgres == null ? Registry.embedded(dir) : new Registry(new SqlDatabase(postgres));
    }

    public Registry registry() {
      return registry;
    }

    /** A task store over this test's data: what a restarted service opens. */
    public TaskStorage openTasks() {
      return postgres == null
          ? new TaskStore(dir.resolve("tasks.mvstore"))
          : new PostgresTaskStore(postgres);
    }

    @Override
    public void close() {
      registry.close();
      if (postgres != null) RealPostgres.dropSchema(postgres);
    }
  }
}
