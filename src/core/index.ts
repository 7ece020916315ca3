/**
 * The core: plain TypeScript, no `vscode` import, usable from any Node script.
 * One folder per domain; search, study and library have barrels of their own.
 */
export * from './digest';
export * from './state';
export * from './citation';
export * from './exports';
export * from './filters';
