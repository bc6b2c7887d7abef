import type { CaseCategory, CaseLanguage, Severity } from './triage.types.js';
import { TRIAGE_CORPUS_EN } from './triage-corpus-en.js';
import { TRIAGE_CORPUS_FR } from './triage-corpus-fr.js';
import { TRIAGE_CORPUS_ZH } from './triage-corpus-zh.js';

export interface TrainingCase {
  language: CaseLanguage;
  category: CaseCategory;
  severity: Severity;
  title: string;
  description: string;
}

const CATEGORY_CODES: Readonly<Record<string, CaseCategory>> = {
  ACC: 'accounts_signup',
  BIL: 'billing',
  HOW: 'how_to',
  UPD: 'updates',
  CFG: 'configuration',
  NET: 'connectivity',
  AVL: 'availability',
  OTH: 'other',
};

const LINE = /^([A-Z]{3}) ([ABC]) \| (.+?) \| (.+)$/;

/** Parses one corpus block (`CAT SEV | title | description` per line); throws on a malformed line. */
export function parseCorpus(language: CaseLanguage, block: string): TrainingCase[] {
  const cases: TrainingCase[] = [];
  for (const rawLine of block.split('\n')) {
    const line = rawLine.trim();
    if (line.length === 0) continue;
    const match = LINE.exec(line);
    const category = match ? CATEGORY_CODES[match[1]] : undefined;
    if (!match || !category)
      throw new Error(`Malformed triage corpus line (${language}): ${line.slice(0, 60)}`);
    cases.push({
      language,
      category,
      severity: match[2] as Severity,
      title: match[3].trim(),
      description: match[4].trim(),
    });
  }
  return cases;
}

let corpus: TrainingCase[] | undefined;

/** The whole training corpus, all languages. */
export function trainingCorpus(): TrainingCase[] {
  corpus ??= [
    ...parseCorpus('en', TRIAGE_CORPUS_EN),
    ...parseCorpus('fr', TRIAGE_CORPUS_FR),
    ...parseCorpus('zh', TRIAGE_CORPUS_ZH),
  ];
  return corpus;
}
