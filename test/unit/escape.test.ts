import * as assert from 'node:assert/strict';
import { escapeIcons } from '../../src/common/escape';
import { isRestorableScheme } from '../../src/common/messages';

describe('untrusted text in VS Code UI', () => {
  it('keeps $(icon) syntax in titles as text', () => {
    assert.equal(escapeIcons('Fast $(zap) and $(gear) nets'), 'Fast \\$(zap) and \\$(gear) nets');
    assert.equal(escapeIcons('$5 and $10'), '$5 and $10');
  });

  it('restores the panel only from schemes that hold readable digests', () => {
    for (const scheme of ['file', 'vscode-remote', 'vscode-vfs', 'vscode-test-web', 'digest-sample']) {
      assert.equal(isRestorableScheme(scheme), true, scheme);
    }
    for (const scheme of ['command', 'http', 'https', 'untitled', 'javascript', 'vscode', '']) {
      assert.equal(isRestorableScheme(scheme), false, scheme);
    }
  });
});
