import type { CaseLanguage } from './triage.types.js';
import { countHanChars, latinWords, normalizeText } from './text-normalizer.js';

/** Frequent, mostly exclusive English words (function words and support vocabulary). */
const ENGLISH_MARKERS: ReadonlySet<string> = new Set(
  (
    'the and is are was were we our us you your i my me it its this that these those there have has had not can cannot ' +
    'could would should will with for from to of in at by be been being what which who when where why how does do did ' +
    'please thanks thank hi hello any some all since after before still only just also but or if they them their get got ' +
    'working works work down slow error issue problem invoice password account users user unable failed fails sign help ' +
    'need needs want anyone everyone nobody setup updated new old'
  ).split(/\s+/),
);

/** Frequent, mostly exclusive French words (function words and support vocabulary). */
const FRENCH_MARKERS: ReadonlySet<string> = new Set(
  (
    'le la les un une des du et est sont nous notre nos vous votre vos je mon ma mes il ils elle elles ne pas plus que qui ' +
    'dans pour sur avec sans chez depuis mais donc car leur leurs ce cette ces cet aux au ou tous toutes toute tout ' +
    'bonjour merci cordialement comment pourquoi quand faut peut peuvent pouvez avons avez etre fait tres aussi encore ' +
    'apres avant lors entre vers puis alors ainsi meme sont etait ont impossible erreur probleme compte facture ' +
    'utilisateur utilisateurs mot passe connexion reseau lent lente panne acces besoin demande mise jour ' +
    'messagerie courriel abonnement licence licences poste postes equipe depuis hier matin ce soir'
  ).split(/\s+/),
);

const FRENCH_ACCENTS = /[éèêëàâçîïôûùœÉÈÊÀÇ]/g;
const FRENCH_ELISION = /\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)['’][a-zà-ÿ]/gi;

/**
 * Detects the language of a support case text. Chinese wins as soon as Chinese characters make up a
 * fair share of the text (product names and error strings in Latin script are common in Chinese cases);
 * otherwise French and English are told apart by marker words, elisions and accents. Defaults to English.
 */
export function detectLanguage(text: string): CaseLanguage {
  const han = countHanChars(text);
  const latinLetters = (text.match(/[A-Za-zÀ-ÿ]/g) ?? []).length;
  // A Chinese character carries roughly a word; a Latin word is about five letters.
  if (han > 0 && han / (han + latinLetters / 5) >= 0.3) return 'zh';

  const words = latinWords(normalizeText(text));
  let english = 0;
  let french = 0;
  for (const word of words) {
    if (ENGLISH_MARKERS.has(word)) english += 1;
    if (FRENCH_MARKERS.has(word)) french += 1;
  }
  french += (text.match(FRENCH_ELISION) ?? []).length;
  french += Math.min((text.match(FRENCH_ACCENTS) ?? []).length, 12) * 0.4;
  return french > english ? 'fr' : 'en';
}
