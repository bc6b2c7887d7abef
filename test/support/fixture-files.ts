import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lines of a JSONL file under test/fixtures. */
export function readJsonLines<T>(name: string): T[] {
  return readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export interface KbArticleFixture {
  slug: string;
  locale: 'en' | 'fr' | 'zh';
  title: string;
  body: string;
  category?: string;
  tags?: string[];
}

export interface KbQuestionFixture {
  id: string;
  language: string;
  title: string;
  description: string;
  expectedSlug: string;
}

export interface TriageFixture {
  id: string;
  language: 'en' | 'fr' | 'zh';
  title: string;
  description: string;
  category: string;
  severity: 'A' | 'B' | 'C';
}
