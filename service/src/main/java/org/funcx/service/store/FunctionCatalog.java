package org.funcx.service.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.funcx.core.model.FunctionSpec;

/** Function id → what a worker needs to run it; cached because registered source never changes. */
public final class FunctionCatalog {
  private final Registry registry;
  private final ConcurrentHashMap<String, FunctionSpec> specs = new ConcurrentHashMap<>();

  public FunctionCatalog(Registry registry) {
    this.registry = registry;
  }

  public Optional<FunctionSpec> spec(String functionId) {
    FunctionSpec cached = specs.get(functionId);
    if (cached != null) return Optional.of(cached);
    Optional<FunctionSpec> loaded = registry.function(functionId).map(Registry.FunctionRow::spec);
    loaded.ifPresent(s -> specs.put(functionId, s));
    return loaded;
  }

  public void forget(String functionId) {
    specs.remove(functionId);
  }
}
