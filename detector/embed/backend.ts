/**
 * The TensorFlow.js backend the embedding trainer runs on: tfjs-node when its native binding
 * loads (an optional dependency that often cannot install), else the WebAssembly backend (loads
 * its `.wasm` from node_modules, works offline), else the pure-JS cpu backend.
 */
import * as tf from "@tensorflow/tfjs-core";

/** Backend names in order of preference. */
export type BackendName = "tensorflow" | "wasm" | "cpu";

let chosen: Promise<BackendName> | undefined;

/** Register and activate the best backend that works here; resolves to its name. Idempotent. */
export function selectBackend(): Promise<BackendName> {
  chosen ??= choose();
  return chosen;
}

async function choose(): Promise<BackendName> {
  // A computed specifier keeps tsc and bundlers from requiring the optional package's types.
  const nodeBinding = "@tensorflow/tfjs-node";
  try {
    await import(nodeBinding);
    if (await tf.setBackend("tensorflow")) return "tensorflow";
  } catch {
    // Not installed or its native library failed to load: fall through to wasm.
  }
  const before = handlersNow();
  try {
    await import("@tensorflow/tfjs-backend-wasm");
    if (await tf.setBackend("wasm")) return "wasm";
  } catch {
    // The .wasm binary could not be loaded: fall through to cpu.
  } finally {
    dropHandlersAddedSince(before);
  }
  await import("@tensorflow/tfjs-backend-cpu");
  if (await tf.setBackend("cpu")) return "cpu";
  throw new Error("no TensorFlow.js backend could be initialised (tried tfjs-node, wasm, cpu)");
}

const PROCESS_EVENTS = ["uncaughtException", "unhandledRejection"];
/** The process as a plain emitter: its typed overloads do not accept a union of event names. */
const emitter: NodeJS.EventEmitter = process;

function handlersNow(): Map<string, Function[]> {
  return new Map(PROCESS_EVENTS.map((e) => [e, emitter.listeners(e)]));
}

/**
 * The Emscripten glue of the wasm backend installs process-wide handlers that rethrow every
 * uncaught error with its whole minified source line; remove them so our errors stay readable.
 */
function dropHandlersAddedSince(before: Map<string, Function[]>): void {
  for (const event of PROCESS_EVENTS) {
    const old = before.get(event) ?? [];
    for (const listener of emitter.listeners(event)) {
      if (!old.includes(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
}
