package org.funcx.service.store;

import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * The registry (with the accounts on its database) and the task store of a running service, on
 * the store its settings choose; closed after everything that writes to them.
 */
public final class ServiceStores implements AutoCloseable {
  /** PostgreSQL schema of the service's tables (Flyway keeps its history there too). */
  private static final String POSTGRES_SCHEMA = "funcx";

  private final Registry registry;
  private final TaskStorage tasks;
  private final PostgresDatabase postgres;

  private ServiceStores(Registry registry, TaskStorage tasks, PostgresDatabase postgres) {
    this.registry = registry;
    this.tasks = tasks;
    this.postgres = postgres;
  }

  /**
   * Opens the stores: embedded ones in {@code dataDir} (the registry at {@code registryUrl}
   * when given), or the PostgreSQL database, migrated first.
   *
   * @param commitNanos hears how long each commit of the task store took
   */
  public static ServiceStores open(
      StoreSettings settings, Path dataDir, String registryUrl, LongConsumer commitNanos) {
    if (settings.isEmbedded()) {
      Registry registry =
          registryUrl == null ? Registry.embedded(dataDir) : new Registry(registryUrl);
      return new ServiceStores(
          registry, new TaskStore(dataDir.resolve("tasks.mvstore"), commitNanos), null);
    }
    PostgresDatabase postgres =
        PostgresDatabase.open(settings.postgres(), settings.password(), POSTGRES_SCHEMA);
    try {
      return new ServiceStores(
          new Registry(new SqlDatabase(postgres)),
          new PostgresTaskStore(postgres, commitNanos),
          postgres);
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  public Registry registry() {
    return registry;
  }

  public TaskStorage tasks() {
    return tasks;
  }

  @Override
  public void close() {
    try {
      tasks.close();
      registry.close();
    } finally {
      if (postgres != null) postgres.close();
    }
  }
}
