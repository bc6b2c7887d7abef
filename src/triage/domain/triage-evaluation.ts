import {
  CASE_CATEGORIES,
  CASE_LANGUAGES,
  SEVERITIES,
  type CaseCategory,
  type CaseLanguage,
  type Severity,
  type TriageInput,
  type TriageResult,
} from './triage.types.js';

/** A case with its expected triage, one line of the evaluation JSONL files. */
export interface LabelledTriageCase {
  id: string;
  language: CaseLanguage;
  title: string;
  description: string;
  category: CaseCategory;
  severity: Severity;
}

export interface CategoryScore {
  category: CaseCategory;
  precision: number;
  recall: number;
  /** How many cases expected this category. */
  support: number;
}

export interface TriageMistake {
  id: string;
  field: 'language' | 'category' | 'severity';
  expected: string;
  predicted: string;
}

export interface TriageEvaluation {
  total: number;
  languageCorrect: number;
  categoryCorrect: number;
  severityCorrect: number;
  perCategory: CategoryScore[];
  /** `categoryConfusion[expected][predicted]`, indexed like `CASE_CATEGORIES`. */
  categoryConfusion: number[][];
  /** `severityConfusion[expected][predicted]`, indexed like `SEVERITIES`. */
  severityConfusion: number[][];
  mistakes: TriageMistake[];
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Parses evaluation JSONL (`{id, language, title, description, category, severity}` per line). */
export function parseLabelledCases(jsonl: string): LabelledTriageCase[] {
  const cases: LabelledTriageCase[] = [];
  jsonl.split('\n').forEach((line, index) => {
    if (line.trim().length === 0) return;
    const where = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not valid JSON`);
    }
    if (typeof value !== 'object' || value === null) throw new Error(`${where}: expected an object`);
    const record = value as Record<string, unknown>;
    const { id, language, title, description, category, severity } = record;
    if (typeof title !== 'string' || typeof description !== 'string') {
      throw new Error(`${where}: title and description must be strings`);
    }
    if (!isOneOf(CASE_LANGUAGES, language)) throw new Error(`${where}: unknown language ${String(language)}`);
    if (!isOneOf(CASE_CATEGORIES, category))
      throw new Error(`${where}: unknown category ${String(category)}`);
    if (!isOneOf(SEVERITIES, severity)) throw new Error(`${where}: unknown severity ${String(severity)}`);
    cases.push({
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index + 1}`,
      language,
      title,
      description,
      category,
      severity,
    });
  });
  return cases;
}

function square(size: number): number[][] {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

/** Runs the classifier over labelled cases and measures it. */
export function evaluateTriage(
  cases: readonly LabelledTriageCase[],
  classify: (input: TriageInput) => TriageResult,
): TriageEvaluation {
  const categoryConfusion = square(CASE_CATEGORIES.length);
  const severityConfusion = square(SEVERITIES.length);
  const mistakes: TriageMistake[] = [];
  let languageCorrect = 0;
  let categoryCorrect = 0;
  let severityCorrect = 0;
  for (const labelled of cases) {
    const result = classify({ title: labelled.title, description: labelled.description });
    if (result.language === labelled.language) languageCorrect += 1;
    else
      mistakes.push({
        id: labelled.id,
        field: 'language',
        expected: labelled.language,
        predicted: result.language,
      });
    if (result.category === labelled.category) categoryCorrect += 1;
    else
      mistakes.push({
        id: labelled.id,
        field: 'category',
        expected: labelled.category,
        predicted: result.category,
      });
    if (result.severity === labelled.severity) severityCorrect += 1;
    else
      mistakes.push({
        id: labelled.id,
        field: 'severity',
        expected: labelled.severity,
        predicted: result.severity,
      });
    categoryConfusion[CASE_CATEGORIES.indexOf(labelled.category)][CASE_CATEGORIES.indexOf(result.category)] +=
      1;
    severityConfusion[SEVERITIES.indexOf(labelled.severity)][SEVERITIES.indexOf(result.severity)] += 1;
  }
  const perCategory = CASE_CATEGORIES.map((category, c) => {
    const truePositives = categoryConfusion[c][c];
    const predicted = categoryConfusion.reduce((sum, row) => sum + row[c], 0);
    const support = categoryConfusion[c].reduce((sum, count) => sum + count, 0);
    return {
      category,
      precision: predicted === 0 ? 0 : truePositives / predicted,
      recall: support === 0 ? 0 : truePositives / support,
      support,
    };
  });
  return {
    total: cases.length,
    languageCorrect,
    categoryCorrect,
    severityCorrect,
    perCategory,
    categoryConfusion,
    severityConfusion,
    mistakes,
  };
}

export function accuracy(correct: number, total: number): number {
  return total === 0 ? 0 : correct / total;
}

/**
 * Renders rows as an aligned text table. By default the first column is left-aligned and the others
 * (numbers) right-aligned; `leftAligned` lists more columns to align left.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftAligned: readonly number[] = [0],
): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column].length)),
  );
  const render = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        leftAligned.includes(column) ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(header), rule, ...rows.map(render)].join('\n');
}

const CATEGORY_SHORT_NAMES: Readonly<Record<CaseCategory, string>> = {
  accounts_signup: 'account',
  billing: 'billing',
  how_to: 'how_to',
  updates: 'updates',
  configuration: 'config',
  connectivity: 'connect',
  availability: 'avail',
  other: 'other',
};

function ratio(value: number): string {
  return value.toFixed(3);
}

/** A plain-text report of an evaluation: accuracies, per-category precision/recall, confusion matrices. */
export function formatTriageEvaluation(evaluation: TriageEvaluation, title = 'Triage evaluation'): string {
  const { total } = evaluation;
  const summary = formatTable(
    ['metric', 'accuracy', 'correct', 'total'],
    [
      ['language', evaluation.languageCorrect],
      ['category', evaluation.categoryCorrect],
      ['severity', evaluation.severityCorrect],
    ].map(([name, correct]) => [
      String(name),
      ratio(accuracy(Number(correct), total)),
      String(correct),
      String(total),
    ]),
  );
  const perCategory = formatTable(
    ['category', 'precision', 'recall', 'support'],
    evaluation.perCategory
      .filter(
        (score) =>
          score.support > 0 ||
          evaluation.categoryConfusion.some((row) => row[CASE_CATEGORIES.indexOf(score.category)] > 0),
      )
      .map((score) => [score.category, ratio(score.precision), ratio(score.recall), String(score.support)]),
  );
  const categoryConfusion = formatTable(
    ['expected \\ predicted', ...CASE_CATEGORIES.map((category) => CATEGORY_SHORT_NAMES[category])],
    CASE_CATEGORIES.map((category, c) => [category, ...evaluation.categoryConfusion[c].map(String)]),
  );
  const severityConfusion = formatTable(
    ['expected \\ predicted', ...SEVERITIES],
    SEVERITIES.map((severity, s) => [severity, ...evaluation.severityConfusion[s].map(String)]),
  );
  const mistakes =
    evaluation.mistakes.length === 0
      ? '(none)'
      : formatTable(
          ['case', 'field', 'expected', 'predicted'],
          evaluation.mistakes.map((mistake) => [
            mistake.id,
            mistake.field,
            mistake.expected,
            mistake.predicted,
          ]),
          [0, 1, 2, 3],
        );
  return [
    `${title} (${total} cases)`,
    '',
    summary,
    '',
    'Per category',
    perCategory,
    '',
    'Category confusion (rows: expected, columns: predicted)',
    categoryConfusion,
    '',
    'Severity confusion (rows: expected, columns: predicted)',
    severityConfusion,
    '',
    'Mistakes',
    mistakes,
    '',
  ].join('\n');
}
