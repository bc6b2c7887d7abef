import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { triageCase } from './triage-classifier.js';
import { accuracy, evaluateTriage, parseLabelledCases } from './triage-evaluation.js';

function fixture(name: string) {
  return parseLabelledCases(
    readFileSync(fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url)), 'utf8'),
  );
}

/**
 * Targets on cases not used for training: the shared dev samples, a hold-out set written before any
 * error was looked at, and a blind one (150 cases, `other` included) written by someone who never saw
 * the classifier or its corpus. Category ≥ 90 %, severity ≥ 70 %, language ≥ 98 %.
 */
describe.each(['triage-dev.jsonl', 'triage-holdout.jsonl', 'triage-holdout-blind.jsonl'])(
  'triage accuracy on %s',
  (file) => {
    const cases = fixture(file);
    const evaluation = evaluateTriage(cases, triageCase);

    it('covers the three languages and the seven categories', () => {
      expect(new Set(cases.map((c) => c.language)).size).toBe(3);
      expect(new Set(cases.map((c) => c.category)).size).toBeGreaterThanOrEqual(7);
    });

    it('detects the language of ≥ 98 % of cases', () => {
      expect(accuracy(evaluation.languageCorrect, evaluation.total)).toBeGreaterThanOrEqual(0.98);
    });

    it('finds the category of ≥ 90 % of cases', () => {
      expect(accuracy(evaluation.categoryCorrect, evaluation.total)).toBeGreaterThanOrEqual(0.9);
    });

    it('suggests the expected severity for ≥ 70 % of cases', () => {
      expect(accuracy(evaluation.severityCorrect, evaluation.total)).toBeGreaterThanOrEqual(0.7);
    });
  },
);
