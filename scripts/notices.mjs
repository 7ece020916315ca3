// Third-party notices for the code esbuild bundles into the shipped files.
// From each bundle's metafile: every input under a node_modules folder that
// put bytes into the output names an npm package; its license file(s) go into
// the notice. A bundled package without a license file fails the build.
import * as fs from 'node:fs';
import * as path from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\..*|-.*)?$/i;
/** Notices kept by hand for packages that declare a license but ship no file of it: scripts/licenses/<@scope+name>.txt. */
const HAND_KEPT = path.join(path.dirname(new URL(import.meta.url).pathname), 'licenses');

/** The package folder of a bundled file, or undefined for the project's own code. */
function packageRoot(input) {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const length = parts[at + 1].startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + length).join('/');
}

/** The npm packages that contribute code to the outputs of one esbuild metafile. */
export function bundledPackages(metafile) {
  const roots = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const root = bytesInOutput > 0 ? packageRoot(input) : undefined;
      if (root) roots.add(path.resolve(root));
    }
  }
  return roots;
}

function repositoryUrl(manifest) {
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return (repository ?? manifest.homepage)?.replace(/^git\+/, '').replace(/\.git$/, '');
}

/**
 * Write the notice for these package folders and the shipped data sets (`data`:
 * `{ name, version, license, url, text }`, e.g. the dictionary); throws when a package has no license file.
 */
export function writeNotices(roots, outfile, data = []) {
  const packages = [...roots].map((root) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    let files = fs.readdirSync(root).filter((name) => LICENSE_FILE.test(name) && fs.statSync(path.join(root, name)).isFile()).sort().map((name) => path.join(root, name));
    const handKept = path.join(HAND_KEPT, `${manifest.name.replace('/', '+')}.txt`);
    if (files.length === 0 && fs.existsSync(handKept)) files = [handKept];
    return { root, manifest, files };
  });
  const missing = packages.filter((p) => p.files.length === 0);
  if (missing.length > 0) {
    throw new Error(`No license file in bundled package(s): ${missing.map((p) => `${p.manifest.name} (${p.root})`).join(', ')}. Add its notice by hand or stop bundling it.`);
  }
  packages.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));

  const rule = '='.repeat(78);
  let text =
    'THIRD-PARTY SOFTWARE NOTICES\n\n' +
    'Digest Reader bundles the following third-party software into\n' +
    'dist/extension.js, dist/citation.js and dist/webview/main.js (and their\n' +
    'dist/web/ twins), and ships the data sets listed after them. Each is\n' +
    'distributed under its own license, reproduced or named below.\n\n' +
    (packages.map((p) => `- ${p.manifest.name} ${p.manifest.version} (${p.manifest.license ?? 'see below'})`).join('\n') || '(none)') +
    '\n' +
    data.map((d) => `- data: ${d.name} ${d.version} (${d.license})\n`).join('');
  for (const p of packages) {
    text += `\n${rule}\n${p.manifest.name} ${p.manifest.version}\n`;
    const url = repositoryUrl(p.manifest);
    if (url) text += `${url}\n`;
    text += `${rule}\n`;
    for (const file of p.files) {
      text += `\n${fs.readFileSync(file, 'utf8').trim()}\n`;
    }
  }
  for (const d of data) {
    text += `\n${rule}\n${d.name} ${d.version} (data)\n${d.url}\n${rule}\n\n${d.text.trim()}\n`;
  }
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(outfile, text);
  return [...packages.map((p) => `${p.manifest.name}@${p.manifest.version}`), ...data.map((d) => `${d.name} ${d.version}`)];
}
