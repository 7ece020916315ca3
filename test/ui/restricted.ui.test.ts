/// <reference lib="dom" />
/**
 * Restricted Mode in a real window: code-server 1.100 with Workspace Trust on,
 * the packaged .vsix installed, and a cloned folder whose .vscode/settings.json
 * names files: a `digestReader.library.include` that would add a digest the
 * Library does not look at by default (and a catastrophic glob beside it,
 * against a file named with 32 `a`s), and a `digestReader.citationStyle`.
 * The user answers "No, I don't trust the authors": the Library ignores the
 * workspace's include, the workbench lists Digest Reader as limited in
 * Restricted Mode with our description, and the Settings editor marks both
 * settings as needing trust. Once the user trusts the folder, the include
 * applies (the same window, no reload): the extra digest is listed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFixture } from '../support/fixtures';
import { packageVsix } from './journey';
import { Workbench } from './workbench';

/** The digest only the workspace's include names (`.notes` is no extension the Library looks at by default). */
const EXTRA = path.join('reading', 'cs.LG-list.notes');

function untrustedWorkspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-reader-untrusted-'));
  fs.writeFileSync(path.join(folder, 'cs.DC-2025-06-01.txt'), readFixture());
  fs.mkdirSync(path.join(folder, 'reading'));
  fs.writeFileSync(path.join(folder, EXTRA), readFixture().replace('cs.DC @ 2025-06-01: 103', 'cs.LG @ 2025-05-31: 103'));
  fs.writeFileSync(path.join(folder, 'reading', 'a'.repeat(32)), 'not a digest\n');
  fs.mkdirSync(path.join(folder, '.vscode'));
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({
    'digestReader.library.include': ['**/*.notes', '**/*a*a*a*a*a*a*a*a*a*a*b'],
    'digestReader.citationStyle': 'styles/ieee.csl',
  }, null, 2));
  return folder;
}

describe('UI: Restricted Mode (code-server with Workspace Trust on, the packaged .vsix)', function () {
  this.timeout(120_000);
  const state: { workbench?: Workbench; folder?: string } = {};
  const workbench = (): Workbench => {
    assert.ok(state.workbench, 'the workbench did not open');
    return state.workbench;
  };
  const libraryRow = (name: string) => workbench().libraryView().locator(`.monaco-list-row[aria-label^="${name}"]`).first();

  async function showLibrary(): Promise<void> {
    const wb = workbench();
    await wb.clickDigestsIcon();
    for (const [pane, expanded] of [[wb.articlesView(), 'false'], [wb.starredView(), 'false'], [wb.libraryView(), 'true']] as const) {
      const header = pane.locator('.pane-header').first();
      if ((await header.getAttribute('aria-expanded')) !== expanded) {
        await header.click();
      }
    }
  }

  /** The Library's count in its title, once its scan has ended (the progress message gone). */
  async function libraryCountWhenIdle(): Promise<string> {
    const view = workbench().libraryView();
    await view.locator('.pane-header .description', { hasText: /digest/ }).waitFor({ timeout: 30_000 });
    await workbench().page.waitForFunction(() => !document.body.innerText.includes('Indexing digests'), undefined, { timeout: 30_000 });
    await workbench().settled();
    return (await view.locator('.pane-header .description').innerText()).trim();
  }

  before(async function () {
    this.timeout(300_000);
    state.folder = untrustedWorkspace();
    state.workbench = await Workbench.open({ name: 'restricted', folder: state.folder, vsix: packageVsix(), workspaceTrust: true });
  });

  after(async () => {
    await state.workbench?.close();
    if (state.folder) {
      fs.rmSync(state.folder, { recursive: true, force: true });
    }
  });

  it('the folder opens untrusted; the user answers "No, I don\'t trust the authors" and the window is in Restricted Mode', async () => {
    const { page } = workbench();
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Do you trust the authors of the files in this folder?' });
    await dialog.waitFor({ timeout: 30_000 });
    await workbench().screenshot('trust-prompt');
    await dialog.locator('.monaco-button', { hasText: "No, I don't trust the authors" }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
  });

  it('the Library ignores the workspace\'s include globs: only the digest it finds by default is listed, and the catastrophic glob holds nothing up', async () => {
    await showLibrary();
    await libraryRow('cs.DC Sun 2025-06-01').waitFor({ timeout: 30_000 });
    assert.equal(await libraryCountWhenIdle(), '1 digest');
    assert.equal(await libraryRow('cs.LG').count(), 0, `${EXTRA} is named only by the workspace's digestReader.library.include`);
    await workbench().screenshot('library-restricted');
  });

  it('the Extensions view lists Digest Reader as limited in Restricted Mode, saying what is limited', async () => {
    const { page } = workbench();
    await workbench().runCommand('View: Show Extensions');
    const search = page.locator('.extensions-viewlet .suggest-input-container').first();
    await search.click();
    await page.keyboard.type('@workspaceUnsupported');
    const limited = page.locator('.extensions-viewlet .pane', { has: page.locator('.pane-header', { hasText: /Limited in Restricted Mode/i }) });
    const row = limited.locator('.monaco-list-row', { hasText: 'Digest Reader' }).first();
    await row.waitFor({ timeout: 30_000 });
    const disabled = page.locator('.extensions-viewlet .pane', { has: page.locator('.pane-header', { hasText: /Disabled in Restricted Mode/i }) });
    assert.equal(await disabled.locator('.monaco-list-row', { hasText: 'Digest Reader' }).count(), 0);
    await row.hover();
    const hover = page.locator('.monaco-hover', { hasText: 'In Restricted Mode, the settings that name files' });
    await hover.waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /the Library's include globs, a \.csl citation style file\) are taken only from your user settings, never from the workspace's/);
    await workbench().screenshot('extensions-limited');
    await page.keyboard.press('Escape');
  });

  it('the Settings editor marks the workspace\'s include globs and citation style as requiring workspace trust', async () => {
    const { page } = workbench();
    await workbench().runCommand('Preferences: Open Workspace Settings');
    const editor = page.locator('.settings-editor');
    await editor.waitFor();
    await editor.locator('.settings-header .suggest-input-container').click();
    await page.keyboard.type('@ext:digest-reader.digest-reader ');
    for (const title of ['Citation Style', 'Include']) {
      const item = editor.locator('.setting-item-contents', { hasText: title }).first();
      await item.waitFor({ timeout: 15_000 });
      assert.match(await item.innerText(), /Requires workspace trust/, title);
    }
    await workbench().screenshot('settings-require-trust');
    await workbench().runCommand('View: Close All Editor Groups');
  });

  it('trusting the folder applies its include at once: the digest it names is listed', async () => {
    const { page } = workbench();
    await workbench().runCommand('Workspaces: Manage Workspace Trust');
    const trustEditor = page.locator('.workspace-trust-editor');
    await trustEditor.waitFor();
    await trustEditor.locator('.monaco-button', { hasText: /^Trust$/ }).first().click();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'detached', timeout: 15_000 });
    await workbench().runCommand('View: Close All Editor Groups');
    await showLibrary();
    await libraryRow('cs.LG Sat 2025-05-31').waitFor({ timeout: 30_000 });
    assert.equal(await libraryCountWhenIdle(), '2 digests');
    await workbench().screenshot('library-trusted');
  });

  it('the extension host logged no error', () => {
    assert.deepEqual(workbench().extensionHostErrors(), []);
  });
});
