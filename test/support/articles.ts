/** Articles the unit tests cite by hand, as the fixture has them. */
import type { CitedArticle } from '../../src/core';

/** Article 21 of the fixture: one author, TeX math in the title. */
export const DELTA_NETS: CitedArticle = {
  arxivId: '2505.20314v2',
  titles: { en: '$Δ$-Nets: Interaction-Based System for Optimal Parallel $λ$-Reduction' },
  authors: ['Daniel Augusto Rizzi Salvadori'],
  subject: 'cs.DC',
  date: '2025-05-28',
};
