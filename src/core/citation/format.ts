/**
 * Formatted citations ("Salvadori, D. A. R. (2025). $Δ$-Nets: … (arXiv:2505.20314). arXiv. https://doi.org/…")
 * by citation-js and citeproc-js: APA, its other built-in styles, or a CSL
 * style the user names. Runs in the citation worker (src/export/worker),
 * bundled apart: citeproc is large and builds a style's engine in seconds
 * of synchronous work.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { cslItem } from './csl';
import type { CitedArticle } from './bibtex';

interface StyleRegister {
  has(name: string): boolean;
  set(name: string, xml: string): void;
  list(): string[];
}

function styles(): StyleRegister {
  return (plugins.config.get('@csl') as { styles: StyleRegister }).styles;
}

export const DEFAULT_STYLE = 'apa';

/** The styles citation-js ships (`apa`, `vancouver`, `harvard1`). */
export function builtInStyles(): string[] {
  return styles().list().filter((name) => !name.startsWith('user:'));
}

export function isBuiltInStyle(name: string): boolean {
  return !name.startsWith('user:') && styles().has(name);
}

/** A style file's text is a CSL style when its root is a `<style>` of the CSL namespace. */
export function looksLikeCsl(xml: string): boolean {
  return /<style\b[^>]*xmlns\s*=\s*["']http:\/\/purl\.org\/net\/xbiblio\/csl["']/.test(xml);
}

/** A short hash of the style's text: citation-js caches an engine per style name, so a changed file needs a new name. */
function hashOf(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  }
  return (hash >>> 0).toString(36);
}

/** Registers a CSL style's XML and answers the name to format with; throws when the text is not a CSL style. */
export function registerStyle(xml: string): string {
  if (!looksLikeCsl(xml)) {
    throw new Error('not a CSL style (its root must be <style xmlns="http://purl.org/net/xbiblio/csl">)');
  }
  const name = `user:${hashOf(xml)}`;
  if (!styles().has(name)) {
    styles().set(name, xml);
  }
  return name;
}

/**
 * The article's citation as plain text in a style (a built-in name or one
 * registerStyle answered), or undefined without an arXiv id. Throws when
 * citeproc cannot read the style. Plain text only: nothing here is ever
 * rendered as HTML, and citeproc's own HTML output is never asked for.
 */
export function formatCitation(article: CitedArticle, style = DEFAULT_STYLE): string | undefined {
  const item = cslItem(article);
  if (!item) {
    return undefined;
  }
  if (!styles().has(style)) {
    throw new Error(`unknown citation style '${style}'`);
  }
  const text: unknown = plugins.output.format('bibliography', [item], { style, format: 'text', lang: 'en-US' });
  return String(text).replace(/\s+/g, ' ').trim();
}
