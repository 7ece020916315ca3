import * as assert from 'node:assert/strict';
import { TextColumn } from '../../src/core/search/textColumn';

describe('search text column', () => {
  it('gives back every string as pushed, across chunks of Latin, Han, emoji, a lone surrogate (from a cache) and none', () => {
    const samples = ['Federated Learning', 'Föderiertes Lernen mit $λ$', '联邦学习的黎明', '', undefined, 'emoji 😀 pair', '2505.23710v1'];
    const values: (string | undefined)[] = [];
    const column = new TextColumn();
    for (let i = 0; i < 1500; i++) {
      // Runs of one kind, so some chunks are all Latin (kept as UTF-8) and some all Han (kept as a string).
      const value = i === 1400 ? 'lone \ud800 surrogate' : samples[Math.floor(i / 300) % 2 === 0 ? i % samples.length : 2];
      values.push(value === undefined ? undefined : `${value} ${i}`);
      column.push(values[i]);
    }
    assert.equal(column.length, values.length);
    assert.deepEqual(values.map((_, i) => column.get(i)), values);
  });
});
