/**
 * mocha's browser build for the web worker extension host: importing it sets
 * the global `mocha`, and setup() with the bdd UI defines describe/it/before…
 * as globals. index.web.ts imports this before the test files.
 */
import 'mocha/mocha';

mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
