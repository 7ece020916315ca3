/** Escaping untrusted digest text for the places VS Code reads markup in (no `vscode` import: unit-tested in Node). */

/** Quick Pick and status bar text render `$(name)` as an icon; untrusted text must stay text. VS Code shows `\\$(name)` as `$(name)`. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
