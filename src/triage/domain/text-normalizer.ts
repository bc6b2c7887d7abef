/**
 * Text normalisation shared by the language detector, the concept matcher, the classifier and the
 * knowledge ranker: NFKC (full-width → half-width), lower case, accents stripped (French is matched
 * accent-insensitively), typographic apostrophes unified.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\u0153/g, 'oe')
    .replace(/\u00e6/g, 'ae');
}

const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z0-9]+/g;

export function isHanChar(char: string): boolean {
  return HAN_CHAR.test(char);
}

export function countHanChars(text: string): number {
  let count = 0;
  for (const run of text.match(HAN_RUN) ?? []) count += run.length;
  return count;
}

/** Words of the Latin script (a normalised text is expected). */
export function latinWords(normalized: string): string[] {
  return normalized.match(LATIN_WORD) ?? [];
}

/** Overlapping character bigrams inside each run of Chinese characters (single-character runs kept). */
export function hanBigrams(normalized: string): string[] {
  const grams: string[] = [];
  for (const run of normalized.match(HAN_RUN) ?? []) {
    if (run.length === 1) {
      grams.push(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i += 1) grams.push(run.slice(i, i + 2));
  }
  return grams;
}

/** Function words of English and French that carry no topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for from with without into onto over under about as is are was were be been ' +
    'being am do does did done have has had having it its it s this that these those there here we our ours us you your ' +
    'yours i me my mine he him his she her they them their what which who whom when where why how can could would should ' +
    'will shall may might must not no yes so than too very just also still only all any some each every both other such ' +
    'own same few more most then once again up down out off now get got let pls please thanks thank hi hello dear regards ' +
    'll ve re d m t don isn aren wasn weren didn doesn haven hasn won can t cannot ' +
    'le la les un une des du de d l et est sont etait ete etre ou au aux ce ces cet cette se sa son ses nous notre nos ' +
    'vous votre vos je j me m mon ma mes tu te ton ta tes il ils elle elles on en y ne n pas plus que qu qui quoi dont ' +
    'dans par pour sur avec sans sous chez entre vers mais donc car ni si leur leurs lui eux c s a ont avons avez fait ' +
    'faire peut peuvent pouvez tres aussi encore deja bien tout tous toute toutes bonjour merci cordialement madame monsieur ' +
    'mme m. depuis'
  ).split(/\s+/),
);

/** Chinese bigrams that carry no topic (question words, pronouns, fillers). */
export const CHINESE_STOP_BIGRAMS: ReadonlySet<string> = new Set(
  (
    '怎么 什么 如何 怎样 可以 需要 我们 你们 他们 是否 一个 这个 那个 没有 能不能 现在 以后 时候 问题 请问 ' +
    '已经 还是 或者 但是 因为 所以 如果 的话 一下 一些 有没 没有 不是 就是 还有 然后 之前 之后 这些 那些 ' +
    '能否 是不 不能 么设 么办 么操 么查 么用 么建 么把 么让 么给 应该 帮忙 谢谢 你好 麻烦 公司 同事'
  ).split(/\s+/),
);

/** A light, language-agnostic stemmer for English and French words (plural and final -e folded). */
export function stemWord(word: string): string {
  let stem = word;
  if (stem.length > 4 && (stem.endsWith('ies') || stem.endsWith('ees'))) stem = stem.slice(0, -3) + 'e';
  if (stem.length > 3 && (stem.endsWith('s') || stem.endsWith('x')) && !stem.endsWith('ss'))
    stem = stem.slice(0, -1);
  if (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

/** Content terms of a normalised text: stemmed Latin words (stop words removed) and Chinese bigrams. */
export function contentTerms(normalized: string): string[] {
  const terms: string[] = [];
  for (const word of latinWords(normalized)) {
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    terms.push(stemWord(word));
  }
  for (const gram of hanBigrams(normalized)) if (!CHINESE_STOP_BIGRAMS.has(gram)) terms.push(gram);
  return terms;
}
