/**
 * The part of @citation-js/core the citation worker uses. 0.8 ships no
 * types; 0.9, which does, declares Node >= 22.12 for its network fetch alone
 * (see the README's "Node 20" note), so 0.8 is what we pin.
 */
declare module '@citation-js/core' {
  export const plugins: {
    config: { get(name: string): unknown };
    output: { format(name: string, data: unknown[], options?: Record<string, unknown>): unknown };
  };
}
