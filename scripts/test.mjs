// `npm test`: every layer, in order of speed, then one summary line.
//   unit        plain Node (mocha): the digest core
//   grammar     vscode-tmgrammar-test assertions and snapshots; hostile long lines (mocha)
//   integration the mocha suite inside VS Code's extension hosts: Node's (code-server 1.100.3;
//               desktop VS Code by test-electron where one can be had) and the web worker's
//               (VS Code for the Web 1.137.0); `--host code-server|web|electron` picks one
//   ui          Playwright in the workbench, from the working tree and from the packaged .vsix
// `npm test -- unit grammar` runs only those layers.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

// Options for the integration runner (`--host X`, `--vscode PATH`; default: every host); other words name layers.
const args = process.argv.slice(2);
const runnerOptions = [];
const wanted = [];
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith('--')) {
    runnerOptions.push(args[i], args[i + 1]);
    i++;
  } else {
    wanted.push(args[i]);
  }
}

const layers = {
  unit: [['mocha', '--config', 'test/unit/.mocharc.json']],
  grammar: [
    ['vscode-tmgrammar-test', 'test/grammar/*.test.digest'],
    ['vscode-tmgrammar-snap', 'test/grammar/snap/*.digest'],
    ['mocha', 'out/test/grammar/**/*.test.js', '--timeout', '10000'],
  ],
  integration: [
    // The suite bundled for the web worker extension host (not a test: nothing to count).
    ['build', 'scripts/build.mjs', '--tests'],
    ['node', 'out/test/host/runIntegration.js', ...runnerOptions],
  ],
  ui: [['mocha', '--config', 'test/ui/.mocharc.json']],
};

const selected = wanted.length > 0 ? wanted : Object.keys(layers);
const totals = { passed: 0, failed: 0, skipped: 0 };
// What failed, repeated at the end: CI shows only the tail of a long log.
const failures = [];
let broken = false;

function run(command, args) {
  return new Promise((resolve) => {
    const bin = command === 'node' || command === 'build' ? process.execPath : `node_modules/.bin/${command}`;
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const keep = (stream) => (chunk) => {
      const text = chunk.toString();
      output += text;
      stream.write(text.split('\n').filter((line) => !line.includes('Unknown user config')).join('\n'));
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Counts what a command reported: mocha's summary, tmgrammar's per-file marks, or the integration result file (all its hosts). */
function count(command, output) {
  const number = (pattern) => Number(pattern.exec(output)?.[1] ?? 0);
  if (command === 'mocha') {
    return { passed: number(/(\d+) passing/), failed: number(/(\d+) failing/), skipped: number(/(\d+) pending/) };
  }
  if (command.startsWith('vscode-tmgrammar')) {
    return { passed: (output.match(/✓/g) ?? []).length, failed: (output.match(/✖/g) ?? []).length, skipped: 0 };
  }
  const file = 'test-results/integration.json';
  if (existsSync(file)) {
    const result = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: result.passed, failed: result.failed, skipped: result.skipped ?? 0 };
  }
  return { passed: 0, failed: 0, skipped: 0 };
}

/** Mocha's failure list (after "N failing"), at most 30 lines a list: each test's title and the first lines of its error. */
function failureLists(output) {
  const lines = output.split('\n');
  const lists = [];
  lines.forEach((line, at) => {
    if (/^\s*\d+ failing\s*$/.test(line)) {
      lists.push(lines.slice(at, at + 30).join('\n'));
    }
  });
  return lists;
}

rmSync('test-results/integration.json', { force: true });
for (const layer of selected) {
  if (!layers[layer]) {
    console.error(`Unknown test layer "${layer}"; layers: ${Object.keys(layers).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${layer} ===`);
  for (const [command, ...args] of layers[layer]) {
    const { code, output } = await run(command, args);
    if (command === 'build') {
      if (code !== 0) {
        console.error(`${layer}: ${args.join(' ')} failed (exit code ${code})`);
        broken = true;
      }
      continue;
    }
    const counted = count(command, output);
    for (const list of failureLists(output)) {
      failures.push(`${layer}:\n${list}`);
    }
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    totals.skipped += counted.skipped;
    if (code !== 0 && counted.failed === 0) {
      console.error(`${layer}: ${command} exited with ${code} without reporting a failed test`);
      broken = true;
    }
    if (counted.passed + counted.failed === 0) {
      console.error(`${layer}: ${command} ran no test`);
      broken = true;
    }
  }
}

if (failures.length > 0) {
  console.log(`\n=== what failed, again ===\n${failures.join('\n\n')}`);
}
console.log('\nScreenshots of the UI tests: test-results/screenshots/');
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed + (broken ? 1 : 0)} failed${skipped}`);
process.exit(totals.failed > 0 || broken ? 1 : 0);
