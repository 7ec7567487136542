/**
 * How a Bulkhead program runs, under the Pulumi engine ({@link dev.bulkhead.runtime.EngineRun}) and under the SDK's
 * mock engine ({@link dev.bulkhead.runtime.MockEngineRun}): both with {@link dev.bulkhead.runtime.CompletionRunner}
 * in place of the Java SDK's polling task loop, and both ending the process on an error the JVM cannot recover from
 * ({@link dev.bulkhead.runtime.FatalErrors}).
 */
package dev.bulkhead.runtime;
