package org.funcx.client;

import org.funcx.core.rest.EndpointDescription;
import org.funcx.core.rest.FunctionDescription;
import org.funcx.core.rest.TaskOutputAnswer;

/**
 * The SDK's public value types from the REST records the service answers with: the records are
 * the contract, these are what the SDK has always handed its users.
 */
final class RestAnswers {
  private RestAnswers() {}

  static RegisteredFunction function(FunctionDescription f) {
    return new RegisteredFunction(
        f.functionId(),
        f.functionName(),
        f.entryPoint(),
        f.hash(),
        f.signature(),
        f.returnType(),
        f.kind(),
        f.dependencies());
  }

  static EndpointInfo endpoint(EndpointDescription e) {
    return new EndpointInfo(
        e.endpointId(),
        e.name(),
        e.status(),
        e.managers(),
        e.workers(),
        e.idleWorkers(),
        e.outstandingTasks(),
        e.queuedAtEndpoint(),
        e.runningAtEndpoint(),
        e.forwarderAddress(),
        e.forwarderPublicKey(),
        e.problem());
  }

  static TaskOutput output(TaskOutputAnswer o) {
    return new TaskOutput(
        o.taskId(),
        o.status(),
        o.finished(),
        o.stdout().text(),
        o.stdout().offset(),
        o.stderr().text(),
        o.stderr().offset());
  }
}
