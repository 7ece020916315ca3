/** The ranking worker in Node's extension host: a worker thread (bundled apart as dist/ranking.js). */
import { parentPort } from 'node:worker_threads';
import { handle } from './handle';
import type { RankingRequest } from './protocol';

parentPort?.on('message', (request: RankingRequest) => parentPort?.postMessage(handle(request)));
