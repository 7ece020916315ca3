import * as assert from 'node:assert/strict';
import { groupByDate, parseDigest, type Digest } from '../../src/core';
import { readFixture } from '../support/fixtures';

describe('the real cs.DC digest (../shared/fixtures)', () => {
  let digest: Digest;
  before(() => {
    digest = parseDigest(readFixture());
  });

  it('reads the header', () => {
    assert.equal(digest.kind, 'arxiv');
    assert.equal(digest.format, 'text');
    assert.equal(digest.subject, 'cs.DC');
    assert.equal(digest.date, '2025-06-01');
    assert.equal(digest.declaredCount, 103);
  });

  it('finds all 103 articles, numbered 0 to 102, with no diagnostics', () => {
    assert.equal(digest.articles.length, 103);
    assert.deepEqual(digest.articles.map((a) => a.index), Array.from({ length: 103 }, (_, i) => i));
    assert.deepEqual(digest.diagnostics, []);
    assert.equal(digest.toc.length, 103);
  });

  it('reads article 0 field by field', () => {
    const a = digest.articles[0];
    assert.equal(a.date, '2025-05-29');
    assert.equal(a.weekday, 4);
    assert.equal(a.arxivId, '2505.23710v1');
    assert.deepEqual(a.titles, {
      en: 'From Connectivity to Autonomy: The Dawn of Self-Evolving Communication Systems',
      de: 'Von der Konnektivität zur Autonomie: Die Morgenröte der sich selbst entwickelnden Kommunikationssysteme',
      zh: '从连接到自主:自我发展的通信系统的黎明',
    });
    assert.deepEqual(a.authors, ['Zeinab Nezami', 'Syed Danial Ali Shah', 'Maryam Hafeez', 'Karim Djemame', 'Syed Ali Raza Zaidi']);
    assert.ok(a.abstracts.en?.startsWith('This paper envisions 6G as a self-evolving telecom ecosystem'));
    assert.ok(a.abstracts.zh?.startsWith('本文设想6G是一个自我演化的电信生态系统'));
    assert.equal(a.abstracts.de, undefined);
    assert.equal(a.sourceLanguage, 'en');
    assert.equal(a.line, 105);
    assert.equal(a.endLine, 110);
  });

  it('reads article 21, whose titles hold TeX math', () => {
    const a = digest.articles[21];
    assert.equal(a.arxivId, '2505.20314v2');
    assert.equal(a.date, '2025-05-28');
    assert.equal(a.weekday, 3);
    assert.equal(a.titles.en, '$Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction');
    assert.equal(a.titles.de, '$Δ$-Nets: Interaktionsbasiertes System für eine optimale parallele $λ$-Reduktion');
    assert.equal(a.titles.zh, '\\(-净额:最佳平行互动系统\\)$美元-削减');
    assert.deepEqual(a.authors, ['Daniel Augusto Rizzi Salvadori']);
    assert.ok(a.abstracts.en?.startsWith('I present a model of universal parallel computation called $\\Delta$-Nets'));
    assert.equal(a.line, 231);
  });

  it('reads article 12, the lone 05-30 article out of its run', () => {
    const a = digest.articles[12];
    assert.equal(a.date, '2025-05-30');
    assert.equal(a.weekday, 5);
    assert.equal(a.arxivId, '2410.15625v4');
    assert.equal(a.titles.en, 'Improving Parallel Program Performance with LLM Optimizers via Agent-System Interfaces');
  });

  it('reads the last article up to the end of a file without final newline', () => {
    const a = digest.articles[102];
    assert.equal(a.arxivId, '2505.16502v2');
    assert.equal(a.date, '2025-05-24');
    assert.equal(a.weekday, 6);
    assert.equal(a.authors.length, 8);
    assert.ok(a.abstracts.zh?.endsWith('的递增性战略。'));
    assert.equal(a.endLine, 722);
  });

  it('gives the four `nan` Chinese abstracts back as missing, never as "nan"', () => {
    const missing = digest.articles.filter((a) => a.abstracts.zh === undefined).map((a) => a.index);
    assert.deepEqual(missing, [3, 79, 89, 97]);
    for (const a of digest.articles) {
      for (const text of [...Object.values(a.titles), ...Object.values(a.abstracts)]) {
        assert.notEqual(text, 'nan');
      }
    }
  });

  it('has every article complete: three titles, authors, an English abstract', () => {
    for (const a of digest.articles) {
      assert.ok(a.titles.en && a.titles.de && a.titles.zh, `article ${a.index} titles`);
      assert.ok(a.authors.length > 0, `article ${a.index} authors`);
      assert.ok(a.abstracts.en, `article ${a.index} abstract`);
      assert.match(a.arxivId ?? '', /^\d{4}\.\d{5}v\d$/);
    }
  });

  it('groups 7 dates, newest first, with their counts, articles in digest order', () => {
    const groups = groupByDate(digest.articles);
    assert.deepEqual(
      groups.map((g) => [g.date, g.articles.length]),
      [
        ['2025-05-30', 1],
        ['2025-05-29', 18],
        ['2025-05-28', 15],
        ['2025-05-27', 27],
        ['2025-05-26', 26],
        ['2025-05-25', 4],
        ['2025-05-24', 12],
      ],
    );
    const may29 = groups[1].articles.map((a) => a.index);
    assert.deepEqual(may29, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 61]);
    assert.equal(groups[1].weekday, 4);
  });
});
