/**
 * Glob matching for the Library's include and exclude settings, on paths
 * relative to a workspace folder. `workspace.findFiles` applies excludes
 * itself, but not every file search provider does (VS Code for the Web's test
 * file system ignores them), and watcher events need the same judgement.
 * Supports what `files.exclude` globs use: `**`, `*`, `?`, `{a,b}`, `[…]`.
 *
 * The globs come from settings a cloned repository can set, so matching must
 * never backtrack: a glob is compiled to a Thompson automaton (states with
 * character tests and empty moves) and run over the path keeping the set of
 * states it may be in. Each character of the path costs at most one visit per
 * state: time is linear in the path for a given glob, whatever the glob is
 * (`**∕*a*a*a*a*a*a*a*a*a*a*b` against 32 `a`s takes microseconds, where a
 * regular expression takes seconds and three times as long per extra `*a`).
 */

const SLASH = 0x2f;

/** A glob as a tree, before it becomes states. */
type Node =
  | { kind: 'char'; test: CharTest }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; body: Node };

/** One character of the path passes or not. */
type CharTest = (code: number) => boolean;

const notSlash: CharTest = (code) => code !== SLASH;
const anyChar: CharTest = () => true;
const noChar: CharTest = () => false;

/** `(?:[^/]*\/)*`: any folders, or none (`**∕` at the start of a segment). */
const anyFolders: Node = { kind: 'repeat', body: { kind: 'seq', items: [{ kind: 'repeat', body: { kind: 'char', test: notSlash } }, { kind: 'char', test: (code) => code === SLASH }] } };

/** Reads a glob into a tree; a glob that makes no sense (a reversed range) matches nothing. */
class GlobParser {
  private at = 0;
  constructor(private readonly glob: string) {}

  parse(): Node {
    return this.sequence(0);
  }

  /** Items up to the end, or (inside braces) up to the `,` or `}` that ends this option. */
  private sequence(depth: number): Node {
    const items: Node[] = [];
    const { glob } = this;
    while (this.at < glob.length) {
      const c = glob[this.at];
      if (depth > 0 && (c === ',' || c === '}')) {
        break;
      }
      this.at++;
      if (c === '*' && glob[this.at] === '*') {
        const atSegmentStart = this.at === 1 || glob[this.at - 2] === '/';
        if (atSegmentStart && glob[this.at + 1] === '/') {
          items.push(anyFolders);
          this.at += 2;
        } else {
          items.push({ kind: 'repeat', body: { kind: 'char', test: anyChar } });
          this.at += 1;
        }
      } else if (c === '*') {
        items.push({ kind: 'repeat', body: { kind: 'char', test: notSlash } });
      } else if (c === '?') {
        items.push({ kind: 'char', test: notSlash });
      } else if (c === '{') {
        items.push(this.options(depth + 1));
      } else if (c === '[') {
        items.push(this.characterClass());
      } else {
        const code = c.charCodeAt(0);
        items.push({ kind: 'char', test: (other) => other === code });
      }
    }
    return { kind: 'seq', items };
  }

  /** `{a,b,…}` after its `{`; an unclosed one ends with the glob. */
  private options(depth: number): Node {
    const options: Node[] = [this.sequence(depth)];
    while (this.glob[this.at] === ',') {
      this.at++;
      options.push(this.sequence(depth));
    }
    if (this.glob[this.at] === '}') {
      this.at++;
    }
    return { kind: 'alt', options };
  }

  /** `[abc]`, `[a-z]`, `[!a]` (also `[^a]`) after its `[`; a `[` without a `]` is itself. */
  private characterClass(): Node {
    const close = this.glob.indexOf(']', this.at + 1);
    if (close < 0) {
      return { kind: 'char', test: (code) => code === 0x5b };
    }
    let body = this.glob.slice(this.at, close);
    this.at = close + 1;
    const negated = body[0] === '!' || body[0] === '^';
    if (negated) {
      body = body.slice(1);
    }
    const ranges: [number, number][] = [];
    for (let i = 0; i < body.length; i++) {
      const low = body.charCodeAt(i);
      if (body[i + 1] === '-' && i + 2 < body.length) {
        const high = body.charCodeAt(i + 2);
        if (high < low) {
          return { kind: 'char', test: noChar }; // as a regular expression it would not compile: nothing matches
        }
        ranges.push([low, high]);
        i += 2;
      } else {
        ranges.push([low, low]);
      }
    }
    const inClass = (code: number) => ranges.some(([low, high]) => code >= low && code <= high);
    return { kind: 'char', test: negated ? (code) => !inClass(code) : inClass };
  }
}

const enum Op {
  Char,
  Split,
  Match,
}

/**
 * The glob's states, in flat arrays: `op`; for Char its test and next state,
 * for Split its two next states. Matching allocates nothing.
 */
class Automaton {
  private readonly ops: Op[] = [];
  private readonly tests: CharTest[] = [];
  private readonly next: number[] = [];
  private readonly alternative: number[] = [];
  private readonly start: number;
  private readonly match: number;
  /** Which step last added each state (a state is kept once per step). */
  private readonly seen: Int32Array;
  private step = 0;
  private current: Int32Array;
  private following: Int32Array;
  private readonly stack: Int32Array;

  constructor(root: Node) {
    this.match = this.add(Op.Match, noChar, -1, -1);
    this.start = this.build(root, this.match);
    const size = this.ops.length;
    this.seen = new Int32Array(size);
    this.current = new Int32Array(size);
    this.following = new Int32Array(size);
    this.stack = new Int32Array(2 * size + 2);
  }

  get size(): number {
    return this.ops.length;
  }

  private add(op: Op, test: CharTest, next: number, alternative: number): number {
    this.ops.push(op);
    this.tests.push(test);
    this.next.push(next);
    this.alternative.push(alternative);
    return this.ops.length - 1;
  }

  /** The states of `node`, continuing to `then`; returns its first state. */
  private build(node: Node, then: number): number {
    switch (node.kind) {
      case 'char':
        return this.add(Op.Char, node.test, then, -1);
      case 'seq': {
        let start = then;
        for (let i = node.items.length - 1; i >= 0; i--) {
          start = this.build(node.items[i], start);
        }
        return start;
      }
      case 'alt': {
        let start = this.build(node.options[node.options.length - 1], then);
        for (let i = node.options.length - 2; i >= 0; i--) {
          start = this.add(Op.Split, noChar, this.build(node.options[i], then), start);
        }
        return start;
      }
      case 'repeat': {
        // A loop: the split goes into the body (which comes back to it) or on.
        const loop = this.add(Op.Split, noChar, -1, then);
        this.next[loop] = this.build(node.body, loop);
        return loop;
      }
    }
  }

  /**
   * Adds `state` and every state its empty moves reach to `list` (from
   * `count`), each once per step; returns the new count. Also counts visits.
   */
  private addClosure(list: Int32Array, count: number, state: number, work: { steps: number }): number {
    const { stack, seen, ops, step } = this;
    let top = 0;
    stack[top++] = state;
    while (top > 0) {
      const s = stack[--top];
      if (seen[s] === step) {
        continue;
      }
      seen[s] = step;
      work.steps++;
      if (ops[s] === Op.Split) {
        stack[top++] = this.alternative[s];
        stack[top++] = this.next[s];
      } else {
        list[count++] = s;
      }
    }
    return count;
  }

  private accepts(list: Int32Array, count: number): boolean {
    for (let i = 0; i < count; i++) {
      if (list[i] === this.match) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the path through the states. `atFolders`: also true when a folder
   * the path is in matches (`a/b` for `a/b/c.txt`), found in the same pass.
   * `work` counts state visits (tests show the time is linear).
   */
  matches(path: string, atFolders: boolean, work: { steps: number } = { steps: 0 }): boolean {
    this.step++;
    let count = this.addClosure(this.current, 0, this.start, work);
    for (let i = 0; i < path.length; i++) {
      if (count === 0) {
        return false;
      }
      const code = path.charCodeAt(i);
      if (atFolders && code === SLASH && this.accepts(this.current, count)) {
        return true;
      }
      this.step++;
      const { current, following, ops, tests, next } = this;
      let nextCount = 0;
      for (let k = 0; k < count; k++) {
        const s = current[k];
        work.steps++;
        if (ops[s] === Op.Char && tests[s](code)) {
          nextCount = this.addClosure(following, nextCount, next[s], work);
        }
      }
      this.current = following;
      this.following = current;
      count = nextCount;
    }
    return this.accepts(this.current, count);
  }
}

const compiled = new Map<string, Automaton>();

/** The automaton of one glob, or of several as alternatives (`{a,b}` at the top), kept for reuse. */
function automatonOf(globs: readonly string[]): Automaton {
  const key = globs.join('\u0000');
  let automaton = compiled.get(key);
  if (!automaton) {
    const trees = globs.map((glob) => new GlobParser(glob).parse());
    automaton = new Automaton(trees.length === 1 ? trees[0] : { kind: 'alt', options: trees });
    if (compiled.size > 500) {
      compiled.clear();
    }
    compiled.set(key, automaton);
  }
  return automaton;
}

/** Does the glob match this relative path (`a/b/c.txt`)? `work` counts the matcher's steps (tests). */
export function matchesGlob(glob: string, relativePath: string, work?: { steps: number }): boolean {
  return automatonOf([glob]).matches(relativePath, false, work);
}

/**
 * Is the path, or a folder it is in, matched by one of the globs (as an
 * excluded folder hides its files)? One pass over the path for all globs.
 */
export function isExcludedPath(globs: readonly string[], relativePath: string, work?: { steps: number }): boolean {
  return globs.length > 0 && automatonOf(globs).matches(relativePath, true, work);
}

/** How many states a glob compiles to (its matching costs at most this many steps per character). */
export function globStates(glob: string): number {
  return automatonOf([glob]).size;
}
