package org.funcx.service.forward;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Requests from REST threads to the forwarder thread, which owns all task bookkeeping. */
sealed interface ForwarderCommand {
  record NewTasks(String endpointId, List<String> taskIds) implements ForwarderCommand {}

  record Cancel(String taskId, CompletableFuture<Boolean> done) implements ForwarderCommand {}

  record EndpointDeleted(String endpointId) implements ForwarderCommand {}

  record Status(String endpointId, CompletableFuture<EndpointStatus> reply)
      implements ForwarderCommand {}
}
