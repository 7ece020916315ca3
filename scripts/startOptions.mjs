// The options of `npm start` and `npm run start:web`, shared:
//   a folder of digests: `npm start -- ~/digests` or `npm start -- --folder ~/digests` (default: the bundled sample)
//   --port N            the port (default: 8080, and 8081 for the web)
//   --screenshot FILE   open it in headless Chromium, show what it shows, save a screenshot, stop
//   --browser           (web only) open it in a Chromium window with a profile that lets webviews run
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const VALUED = new Set(['port', 'screenshot', 'folder']);
const FLAGS = new Set(['browser']);

/** Reads the command line; exits with a message (code 2) on anything it does not understand. */
export function startOptions(argv, defaultPort) {
  const options = { port: Number(process.env.PORT ?? defaultPort), screenshot: undefined, folder: undefined, browser: false };
  const fail = (message) => {
    console.error(`${message}\nUsage: npm start -- [FOLDER | --folder FOLDER] [--port N] [--screenshot FILE]`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (match && VALUED.has(match[1])) {
      const value = match[2] ?? argv[++i];
      if (value === undefined) {
        fail(`${arg} needs a value`);
      }
      options[match[1]] = match[1] === 'port' ? Number(value) : value;
    } else if (match && FLAGS.has(match[1])) {
      options[match[1]] = true;
    } else if (!arg.startsWith('--') && options.folder === undefined) {
      options.folder = arg;
    } else {
      fail(`Unknown argument: ${arg}`);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    fail(`Not a port: ${options.port}`);
  }
  if (options.folder !== undefined) {
    // `~` is the shell's; `--folder=~/digests` reaches us unexpanded.
    const expanded = options.folder.replace(/^~(?=$|\/)/, os.homedir());
    const folder = path.resolve(expanded);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      fail(`Not a folder: ${options.folder}`);
    }
    options.folder = folder;
  }
  return options;
}
