/** A sweep worker thread: runs the batches the pool in ./sweep.ts sends and posts their rows back. */
import { parentPort } from 'node:worker_threads';
import { runBatch, type BatchReply, type BatchRequest, type StudyRuns } from './sweep.js';

if (!parentPort) throw new Error('worker.ts runs as a worker thread of a sweep');
const port = parentPort;
// The study of the current job: sent with a job's first batch only, and kept (same scenario
// object for every batch, so the per-scenario caches of src/simulation/run.ts hold).
let current: { job: number; study: StudyRuns } | null = null;
port.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    if (request.study) current = { job: request.job, study: request.study };
    if (!current || current.job !== request.job) throw new Error(`batch of job ${request.job} arrived before its study`);
    reply = { rows: runBatch(current.study, request.indices) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
