/**
 * `node:assert/strict` in the web worker extension host, which has no Node
 * built-ins: the strict mode of the npm package `assert` (the browser port of
 * Node's assert that browserify and webpack's docs use), the same API the
 * tests call (ok, equal, deepEqual, match, fail…, all strict). scripts/build.mjs
 * maps `node:assert/strict` to this file in the web test bundle only.
 */
import assert from 'assert';

export = assert.strict;
