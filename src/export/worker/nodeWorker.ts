/** The citation worker in Node's extension host: a worker thread (bundled apart as dist/citation.js). */
import { parentPort } from 'node:worker_threads';
import { handle } from './handle';
import type { CitationRequest } from './protocol';

parentPort?.on('message', (request: CitationRequest) => parentPort?.postMessage(handle(request)));
