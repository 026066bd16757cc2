/**
 * One long-lived worker thread that runs xmllint-wasm's libxml2 for every call in this process.
 * xmllint-wasm's own validateXML starts a new worker for each call; in a fresh thread V8 must compile and tier up
 * the 780 KB WebAssembly module again, which costs about 0.6 s of CPU a call, against about 25 ms for the same call
 * in a thread that has run it before. The work done is the same: each call is a fresh xmllint instance (its own
 * memory and file system) with the same arguments, files and memory limits as validateXML's, and exit codes are
 * judged the same way (0 valid, 3/4 invalid, anything else an error with xmllint's output).
 *
 * The worker is unreferenced while idle, so it never keeps a process alive; if it dies, the calls in flight fail
 * and the next call starts a new one.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';

export interface XmllintFile {
  fileName: string;
  contents: string;
}

export interface XmllintCall {
  /** Passed to the xmllint command line as they are. */
  args: string[];
  /** Every file the command line names or the schema includes. */
  inputFiles: XmllintFile[];
  /** WebAssembly pages of 64 KiB. */
  initialMemoryPages: number;
  maxMemoryPages: number;
}

export interface XmllintOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs in the worker, as plain JavaScript. xmllint-node.js exports Emscripten's module factory (each call a new
 * instance); requiring it also registers xmllint-wasm's own message handler, which answers only messages carrying
 * its key 'xmllint-wasm', so it never sees ours.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const createXmllint = require(workerData.factory);
const compiled = WebAssembly.compile(readFileSync(workerData.wasm));
function run(call) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    createXmllint({
      inputFiles: call.inputFiles,
      arguments: call.args,
      print(text) { stdout += text + '\\n'; },
      printErr(text) { stderr += text + '\\n'; },
      onExit(exitCode) { resolve({ exitCode, stdout, stderr }); },
      onAbort(reason) { resolve({ exitCode: -1, stdout: '', stderr: 'WASM Abort: ' + reason }); },
      wasmMemory: new WebAssembly.Memory({ initial: call.initialMemoryPages, maximum: call.maxMemoryPages }),
      instantiateWasm(imports, receive) {
        compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)));
        return {};
      },
    });
  });
}
parentPort.on('message', (message) => {
  if (!message || message.lokalsvarXmllint !== true) return;
  run(message.call).then((output) => {
    process.exitCode = undefined; // Emscripten's exit sets it; this thread lives on
    parentPort.postMessage({ lokalsvarXmllint: true, id: message.id, output });
  });
});
`;

interface Pending {
  resolve: (output: XmllintOutput) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function failAll(error: Error): void {
  worker = undefined;
  for (const call of pending.values()) call.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const factory = require.resolve('xmllint-wasm/xmllint-node.js');
  const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { factory, wasm: path.join(path.dirname(factory), 'xmllint.wasm') } });
  started.on('message', (message: { lokalsvarXmllint?: boolean; id: number; output: XmllintOutput }) => {
    if (message?.lokalsvarXmllint !== true) return;
    const call = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) started.unref();
    call?.resolve(message.output);
  });
  started.on('error', (error) => {
    if (worker === started) failAll(new Error(`the xmllint worker failed: ${error.message}`));
  });
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`the xmllint worker stopped (exit ${code}) before it answered`));
  });
  started.unref();
  return started;
}

/** Runs one xmllint command line in the shared worker (each its own instance; the worker's thread runs one at a time). */
export function runXmllint(call: XmllintCall): Promise<XmllintOutput> {
  worker ??= startWorker();
  const current = worker;
  const id = nextId++;
  return new Promise<XmllintOutput>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    current.ref();
    current.postMessage({ lokalsvarXmllint: true, id, call });
  });
}
