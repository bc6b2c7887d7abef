/**
 * Measures the triage classifier on a labelled JSONL file and prints accuracies, per-category
 * precision/recall and the confusion matrices.
 *
 *   node dist/src/triage/cli/eval-triage.js [file.jsonl]
 *
 * The file defaults to test/fixtures/triage-dev.jsonl, resolved against the current directory.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { triageCase } from '../domain/triage-classifier.js';
import { evaluateTriage, formatTriageEvaluation, parseLabelledCases } from '../domain/triage-evaluation.js';

const DEFAULT_FILE = 'test/fixtures/triage-dev.jsonl';

function main(argv: readonly string[]): number {
  const file = argv[0] ?? DEFAULT_FILE;
  const path = resolve(process.cwd(), file);
  let cases;
  try {
    cases = parseLabelledCases(readFileSync(path, 'utf8'));
  } catch (error) {
    process.stderr.write(
      `eval-triage: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const started = process.hrtime.bigint();
  const evaluation = evaluateTriage(cases, triageCase);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(formatTriageEvaluation(evaluation, `Triage evaluation of ${file}`));
  process.stdout.write(`(${elapsedMs.toFixed(0)} ms, including model training)\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
