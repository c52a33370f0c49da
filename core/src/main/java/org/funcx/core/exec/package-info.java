/**
 * Compiles and calls user functions given as Java source: the worker side of "source, not bytecode,
 * crosses the wire".
 *
 * <p>{@link org.funcx.core.exec.FunctionCache#get} (or {@link
 * org.funcx.core.exec.FunctionCompiler#compile} directly, e.g. to validate at registration) turns a
 * {@link org.funcx.core.model.FunctionSpec} into a {@link org.funcx.core.exec.CompiledFunction};
 * {@link org.funcx.core.exec.CompiledFunction#invoke} takes JSON arguments and returns an {@link
 * org.funcx.core.exec.InvocationOutcome}: the result as JSON or a typed {@link
 * org.funcx.core.model.TaskError} (ARGUMENT_ERROR, REMOTE_EXCEPTION, SERIALIZATION_ERROR,
 * PAYLOAD_TOO_LARGE). Compile problems are a {@link org.funcx.core.exec.FunctionCompileException}
 * with a COMPILE_ERROR.
 *
 * <p>Timeouts: this package has none of its own. The caller enforces a task's timeout by
 * interrupting the thread running {@code invoke}, which then throws {@link InterruptedException}
 * (see {@link org.funcx.core.exec.CompiledFunction#invoke} for the exact rules); the caller reports
 * TIMEOUT. Code that ignores interrupts (a busy loop) cannot be stopped from inside the JVM: the
 * manager must give up on the thread or end the worker process.
 */
package org.funcx.core.exec;
