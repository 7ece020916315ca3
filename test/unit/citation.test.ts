import * as assert from 'node:assert/strict';
import { cslItem, cslName, parseDigest } from '../../src/core';
import { builtInStyles, formatCitation, registerStyle } from '../../src/core/citation/format';
import { DELTA_NETS } from '../support/articles';
import { readFixture } from '../support/fixtures';

const delta = DELTA_NETS;

/** A minimal CSL style: "Family (year) title [number]". */
const TINY_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Tiny</title><id>tiny</id><updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <names variable="author"><name form="short"/></names>
    <date variable="issued" prefix=" (" suffix=")"><date-part name="year"/></date>
    <text variable="title" prefix=" "/>
    <text variable="number" prefix=" [" suffix="]"/>
  </layout></bibliography>
</style>`;

describe('citations (CSL-JSON and citation-js)', function () {
  // citeproc builds an engine per style on first use: seconds for APA on a busy machine.
  this.timeout(60_000);

  it('splits names simply: family last, particles kept with it, "Family, Given" as written, CJK and one-word names whole', () => {
    assert.deepEqual(cslName('Daniel Augusto Rizzi Salvadori'), { family: 'Salvadori', given: 'Daniel Augusto Rizzi' });
    assert.deepEqual(cslName('Ludwig van Beethoven'), { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' });
    assert.deepEqual(cslName('Jean de la Fontaine'), { family: 'Fontaine', given: 'Jean', 'non-dropping-particle': 'de la' });
    assert.deepEqual(cslName('Di Wang'), { family: 'Wang', given: 'Di' });
    assert.deepEqual(cslName('Martin Luther King Jr.'), { family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    assert.deepEqual(cslName('Salvadori, Daniel'), { family: 'Salvadori', given: 'Daniel' });
    assert.deepEqual(cslName('张伟'), { literal: '张伟' });
    assert.deepEqual(cslName('山田 太郎'), { literal: '山田 太郎' });
    assert.deepEqual(cslName('Plato'), { literal: 'Plato' });
  });

  it('makes an arXiv preprint item from the id, and none without one', () => {
    assert.deepEqual(cslItem(delta), {
      id: 'article', type: 'article', publisher: 'arXiv', number: 'arXiv:2505.20314', DOI: '10.48550/arXiv.2505.20314', URL: 'https://arxiv.org/abs/2505.20314',
      title: delta.titles.en, author: [{ family: 'Salvadori', given: 'Daniel Augusto Rizzi' }], issued: { 'date-parts': [[2025, 5, 28]] },
    });
    assert.equal(cslItem({ titles: { en: 'News' }, authors: [] }), undefined);
    assert.equal(cslItem({ ...delta, arxivId: 'javascript:alert(1)' }), undefined);
  });

  it('formats APA by default: authors, year, title, arXiv id', () => {
    assert.equal(formatCitation(delta),
      'Salvadori, D. A. R. (2025). $Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction (arXiv:2505.20314). arXiv. https://doi.org/10.48550/arXiv.2505.20314');
    const digest = parseDigest(readFixture());
    const many = formatCitation({ ...digest.articles[0], subject: digest.subject, digestDate: digest.date }) ?? '';
    assert.match(many, /^Nezami, Z\., Shah, S\. D\. A\., Hafeez, M\., .*\(2025\)\. .*\(arXiv:2505\.23710\)\. arXiv\./);
  });

  it('formats the other built-in styles and a CSL file the user names', () => {
    assert.deepEqual(builtInStyles().sort(), ['apa', 'harvard1', 'vancouver']);
    assert.match(formatCitation(delta, 'vancouver') ?? '', /^1\. Salvadori DAR\. \$Δ\$-Nets/);
    const tiny = registerStyle(TINY_STYLE);
    assert.equal(formatCitation(delta, tiny), 'Salvadori (2025) $Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction [arXiv:2505.20314]');
    assert.equal(registerStyle(TINY_STYLE), tiny, 'the same text is one style');
    assert.throws(() => registerStyle('<html><body>not a style</body></html>'), /not a CSL style/);
    assert.throws(() => formatCitation(delta, 'chicago'), /unknown citation style 'chicago'/);
  });

  it('copies hostile text as plain text (it is never rendered)', () => {
    const text = formatCitation({ ...delta, titles: { en: '[x](javascript:alert(1)) a } b \\ c' }, authors: ['Eve <img onerror=x>'] }) ?? '';
    assert.ok(text.includes('[x](javascript:alert(1)) a } b \\ c (arXiv:2505.20314)'), text);
  });
});
