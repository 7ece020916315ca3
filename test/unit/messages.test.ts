import * as assert from 'node:assert/strict';
import { isPanelState, isWebviewToExtension } from '../../src/common/messages';

describe('messages from the article webview are validated', () => {
  it('accepts exactly the known messages', () => {
    for (const message of [{ type: 'ready' }, { type: 'openArxivPage' }, { type: 'openPdf' }, { type: 'copyId' }, { type: 'copyBibtex' }, { type: 'copyCitation' }, { type: 'navigate', direction: 'next' }, { type: 'navigate', direction: 'previous' }]) {
      assert.equal(isWebviewToExtension(message), true, JSON.stringify(message));
    }
  });

  it('rejects unknown types, extra fields and bad values', () => {
    for (const message of [
      null,
      undefined,
      'ready',
      42,
      {},
      { type: 'openExternal', url: 'https://evil.example' },
      { type: 'openArxivPage', id: '../../etc/passwd' },
      { type: 'copyBibtex', text: '@misc{x}' },
      { type: 'copyCitation', style: 'apa' },
      { type: 'openArxivPage', url: 'javascript:alert(1)' },
      { type: 'navigate', direction: 'sideways' },
      { type: 'navigate' },
      { type: 'navigate', direction: 'next', index: 5 },
      { type: ['ready'] },
    ]) {
      assert.equal(isWebviewToExtension(message), false, JSON.stringify(message));
    }
  });

  it('accepts only sound restored panel state', () => {
    assert.equal(isPanelState({ uri: 'file:///tmp/cs.DC.txt', index: 21 }), true);
    assert.equal(isPanelState({ uri: 'file:///tmp/cs.DC.txt', index: 21, line: 231, arxivId: '2505.20314v2' }), true);
    for (const state of [{ uri: 'file:///x', index: 1, line: -3 }, { uri: 'file:///x', index: 1, line: '7' }, { uri: 'file:///x', index: 1, arxivId: 5 }, undefined, null, {}, { uri: '', index: 1 }, { uri: 'file:///x', index: -1 }, { uri: 'file:///x', index: 1.5 }, { uri: 'file:///x', index: '1' }, { uri: 'x'.repeat(5000), index: 1 }]) {
      assert.equal(isPanelState(state), false, JSON.stringify(state));
    }
  });
});
