/** A sweep worker thread: runs the batches the pool in ./sweep.ts sends and posts their rows back. */
import { parentPort } from 'node:worker_threads';
import { runBatch, type BatchReply, type BatchRequest } from './sweep.js';

if (!parentPort) throw new Error('worker.ts runs as a worker thread of a sweep');
const port = parentPort;
port.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = { rows: runBatch(request.study, request.indices) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
