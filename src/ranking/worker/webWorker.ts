/** The ranking worker in the web worker extension host: a nested dedicated worker (bundled apart as dist/web/ranking.js). */
import { handle } from './handle';
import type { RankingRequest } from './protocol';

const scope = globalThis as unknown as { onmessage: ((event: { data: RankingRequest }) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => scope.postMessage(handle(event.data));
