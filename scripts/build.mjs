// One esbuild context per bundle: the extension (Node, `vscode` external;
// and again as a web worker bundle for VS Code for the Web),
// the webview script (browser, KaTeX inside), and dist/core.js, the digest
// library for Node scripts outside VS Code. Types are checked by `tsc` apart.
// A full build also writes dist/ThirdPartyNotices.txt, the licenses of the npm
// packages bundled into the files the .vsix ships (see scripts/notices.mjs), and
// the dictionary the panel's pop-up reads, dist/dictionary/ (scripts/dictionary.mjs).
// `--tests` builds only the integration suite for the web worker extension host
// (out/test-web/integration.js, for VS Code for the Web; never in the .vsix).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { writeDictionary } from './dictionary.mjs';
import { bundledPackages, writeNotices } from './notices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  metafile: true,
  logLevel: 'warning',
};

// citation-js imports sync-fetch and node-fetch (sync-fetch-undici from 0.9) to fetch remote inputs;
// we never fetch, and the real modules need child_process (Node) or synchronous XHR: a stub that
// throws takes their place.
const noSyncFetch = {
  name: 'no-sync-fetch',
  setup(build) {
    build.onResolve({ filter: /^(sync-fetch|sync-fetch-undici|node-fetch)$/ }, () => ({ path: path.resolve('scripts/stubs/syncFetch.js') }));
  },
};

// The web bundle starts the citation worker as a nested web worker: spawn.web.ts replaces
// spawn.ts (a Node worker thread), so no Node built-in reaches the web worker.
const webSpawn = {
  name: 'web-citation-worker',
  setup(build) {
    build.onResolve({ filter: /\/worker\/spawn$/ }, (args) => ({ path: path.resolve(args.resolveDir, `${args.path}.web.ts`) }));
  },
};

// `shipped`: in the .vsix (see .vscodeignore), so its bundled packages need notices.
const bundles = [
  { shipped: true, options: { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] } },
  // The same extension for VS Code for the Web: the web worker extension host has no Node built-ins.
  // `node:worker_threads` is imported lazily, only where there is no Web Worker (Node's extension host: src/filters/regexRunner.ts).
  { shipped: true, options: { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode', 'node:worker_threads'], mainFields: ['browser', 'module', 'main'], plugins: [webSpawn] } },
  // The citation worker (citation-js and citeproc), loaded on the first Copy Citation: a worker thread in Node, a nested worker on the web.
  { shipped: true, options: { ...common, entryPoints: ['src/export/worker/nodeWorker.ts'], outfile: 'dist/citation.js', platform: 'node', format: 'cjs', target: 'node20', plugins: [noSyncFetch] } },
  { shipped: true, options: { ...common, entryPoints: ['src/export/worker/webWorker.ts'], outfile: 'dist/web/citation.js', platform: 'browser', format: 'iife', target: 'es2022', mainFields: ['browser', 'module', 'main'], plugins: [noSyncFetch] } },
  // The ranking worker (features of every digest, training, More like this), started when "For you" or More like this is first used.
  { shipped: true, options: { ...common, entryPoints: ['src/ranking/worker/nodeWorker.ts'], outfile: 'dist/ranking.js', platform: 'node', format: 'cjs', target: 'node20' } },
  { shipped: true, options: { ...common, entryPoints: ['src/ranking/worker/webWorker.ts'], outfile: 'dist/web/ranking.js', platform: 'browser', format: 'iife', target: 'es2022' } },
  { shipped: false, options: { ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', platform: 'node', format: 'cjs', target: 'node18' } },
  { shipped: true, options: { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022' } },
  // The inbox's page script.
  { shipped: true, options: { ...common, entryPoints: ['src/webview/inbox.ts'], outfile: 'dist/webview/inbox.js', platform: 'browser', format: 'iife', target: 'es2022' } },
  // pinyin-pro's dictionary, loaded by the panel only when pinyin is turned on.
  { shipped: true, options: { ...common, entryPoints: ['src/webview/pinyinEntry.ts'], outfile: 'dist/webview/pinyin.js', platform: 'browser', format: 'iife', target: 'es2022' } },
];

// The integration suite as one CommonJS module the web worker extension host loads
// (its `run()` is the test entry). The worker has no Node built-ins: the tests use
// only the vscode API, mocha is its browser build, `node:assert/strict` is the npm
// `assert` package's strict mode, and a small `process` stands in for Node's.
const webTests = {
  ...common,
  minify: false,
  sourcemap: true,
  entryPoints: ['test/integration/index.web.ts'],
  outfile: 'out/test-web/integration.js',
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  mainFields: ['browser', 'module', 'main'],
  inject: ['test/integration/web/processShim.ts'],
  plugins: [{
    name: 'node-assert-for-the-browser',
    setup(build) {
      build.onResolve({ filter: /^(node:)?assert\/strict$/ }, () => ({ path: path.resolve('test/integration/web/assertStrict.ts') }));
    },
  }],
};

/** The web entry imports the test files by name (a worker cannot list a folder): every one must be there. */
function checkWebTestList() {
  const entry = readFileSync('test/integration/index.web.ts', 'utf8');
  const missing = readdirSync('test/integration').filter((f) => f.endsWith('.test.ts')).filter((f) => !entry.includes(`import './${f.replace(/\.ts$/, '')}';`));
  if (missing.length > 0) {
    console.error(`\nBUILD FAILED: test/integration/index.web.ts does not import ${missing.join(', ')}\n`);
    process.exit(1);
  }
}

if (tests) {
  checkWebTestList();
  if (watch) {
    await (await esbuild.context(webTests)).watch();
    console.log('esbuild: watching the web integration tests');
  } else {
    await esbuild.build(webTests);
    console.log('out/test-web/integration.js: the integration suite for the web worker extension host');
  }
} else if (watch) {
  for (const { options } of bundles) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching for changes (third-party notices are written by a full build only)');
} else {
  const results = await Promise.all(bundles.map(({ options }) => esbuild.build(options)));
  const packages = new Set();
  results.forEach((result, i) => {
    if (bundles[i].shipped) for (const root of bundledPackages(result.metafile)) packages.add(root);
  });
  try {
    // CC-CEDICT, shipped as data (dist/dictionary/), not bundled code: its notice is written with the packages'.
    const dictionary = await writeDictionary();
    const names = writeNotices(packages, 'dist/ThirdPartyNotices.txt', [dictionary]);
    console.log(`dist/ThirdPartyNotices.txt: ${names.join(', ') || 'no bundled packages'}`);
  } catch (error) {
    console.error(`\nBUILD FAILED: ${error.message}\n`);
    process.exit(1);
  }
}
