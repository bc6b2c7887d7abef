import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { parseCorpus, trainingCorpus } from './triage-training-corpus.js';
import { parseLabelledCases } from './triage-evaluation.js';

describe('triage training corpus', () => {
  const corpus = trainingCorpus();

  it('holds a few hundred cases per language covering every category', () => {
    for (const language of ['en', 'fr', 'zh'] as const) {
      const cases = corpus.filter((c) => c.language === language);
      expect(cases.length).toBeGreaterThanOrEqual(200);
      expect(new Set(cases.map((c) => c.category)).size).toBe(8);
    }
  });

  it('shares no title with the evaluation fixtures', () => {
    const titles = new Set(corpus.map((c) => c.title.toLowerCase()));
    for (const name of ['triage-dev.jsonl', 'triage-holdout.jsonl', 'triage-holdout-blind.jsonl']) {
      const path = fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));
      for (const labelled of parseLabelledCases(readFileSync(path, 'utf8'))) {
        expect(titles.has(labelled.title.toLowerCase())).toBe(false);
      }
    }
  });

  it('rejects a malformed line', () => {
    expect(() => parseCorpus('en', 'XYZ A | title | text')).toThrow(/Malformed/);
    expect(parseCorpus('en', '\nBIL C | Invoice copy | Please resend it.\n')).toEqual([
      {
        language: 'en',
        category: 'billing',
        severity: 'C',
        title: 'Invoice copy',
        description: 'Please resend it.',
      },
    ]);
  });
});
