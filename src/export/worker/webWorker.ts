/** The citation worker in the web worker extension host: a nested dedicated worker (bundled apart as dist/web/citation.js). */
import { handle } from './handle';
import type { CitationRequest } from './protocol';

const scope = globalThis as unknown as { onmessage: ((event: { data: CitationRequest }) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => scope.postMessage(handle(event.data));
