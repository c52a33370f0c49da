package org.funcx.service.forward;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.funcx.service.store.TaskRecord;

/** Requests from REST threads to the forwarder thread, which owns all task bookkeeping. */
sealed interface ForwarderCommand {
  /** Tasks just stored (and committed) by a submission. */
  record NewTasks(List<TaskRecord> tasks) implements ForwarderCommand {}

  record Cancel(String taskId, CompletableFuture<Boolean> done) implements ForwarderCommand {}

  record EndpointDeleted(String endpointId) implements ForwarderCommand {}

  /** The endpoint's admitted key changed: a link on the old key must go. */
  record KeyChanged(String endpointId) implements ForwarderCommand {}

  record Status(String endpointId, CompletableFuture<EndpointStatus> reply)
      implements ForwarderCommand {}
}
