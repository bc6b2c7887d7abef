import {
  evaluateTriage,
  formatTable,
  formatTriageEvaluation,
  parseLabelledCases,
} from './triage-evaluation.js';
import type { TriageInput, TriageResult } from './triage.types.js';

const JSONL = [
  '{"id": "a", "language": "en", "title": "Invoice", "description": "copy please", "category": "billing", "severity": "C"}',
  '',
  '{"id": "b", "language": "fr", "title": "VPN", "description": "coupé", "category": "connectivity", "severity": "A"}',
  '{"id": "c", "language": "zh", "title": "密码", "description": "忘了", "category": "accounts_signup", "severity": "C"}',
].join('\n');

/** A fake classifier: always billing / C / en. */
const alwaysBilling = (_input: TriageInput): TriageResult => ({
  language: 'en',
  category: 'billing',
  severity: 'C',
  confidence: 0.5,
});

describe('triage evaluation', () => {
  it('parses labelled JSONL and refuses bad lines', () => {
    expect(parseLabelledCases(JSONL).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(() => parseLabelledCases('{"id": 1')).toThrow(/line 1: not valid JSON/);
    expect(() =>
      parseLabelledCases(
        '{"id":"x","language":"de","title":"t","description":"d","category":"billing","severity":"C"}',
      ),
    ).toThrow(/unknown language de/);
  });

  it('computes accuracies, precision/recall and confusion matrices', () => {
    const evaluation = evaluateTriage(parseLabelledCases(JSONL), alwaysBilling);
    expect(evaluation).toMatchObject({
      total: 3,
      languageCorrect: 1,
      categoryCorrect: 1,
      severityCorrect: 2,
    });
    const billing = evaluation.perCategory.find((score) => score.category === 'billing');
    expect(billing).toEqual({ category: 'billing', precision: 1 / 3, recall: 1, support: 1 });
    expect(evaluation.categoryConfusion[0][1]).toBe(1); // accounts_signup predicted as billing
    expect(evaluation.severityConfusion[0][2]).toBe(1); // A predicted as C
    expect(evaluation.mistakes).toContainEqual({ id: 'b', field: 'severity', expected: 'A', predicted: 'C' });
  });

  it('renders aligned tables', () => {
    expect(
      formatTable(
        ['name', 'n'],
        [
          ['a', '1'],
          ['long', '10'],
        ],
      ),
    ).toBe('name   n\n----  --\na      1\nlong  10');
    const report = formatTriageEvaluation(evaluateTriage(parseLabelledCases(JSONL), alwaysBilling), 'Test');
    expect(report).toContain('Test (3 cases)');
    expect(report).toContain('Category confusion');
    expect(report).toContain('Severity confusion');
    expect(report).toMatch(/category\s+0\.333\s+1\s+3/);
  });
});
