import { compileTerm, matchConcepts } from './concept-matcher.js';
import { SUPPORT_CONCEPTS } from './support-concepts.js';

describe('concept matcher', () => {
  it('maps English, French (with or without accents) and Chinese terms to the same concept', () => {
    expect(matchConcepts('I forgot my password').has('password')).toBe(true);
    expect(matchConcepts('J’ai oublié mon mot de passe').has('password')).toBe(true);
    expect(matchConcepts('j ai oublie mon mot de passe').has('password')).toBe(true);
    expect(matchConcepts('我忘记密码了').has('password')).toBe(true);
  });

  it('matches Latin terms on word boundaries, with prefixes and flexible separators', () => {
    expect(matchConcepts('our invoices are wrong').get('invoice')).toBe(1);
    expect(matchConcepts('la facturation est fausse').has('invoice')).toBe(true);
    expect(matchConcepts('sign-in fails; signin fails; sign in fails').get('sign_in')).toBe(3);
    expect(matchConcepts('the admin was in Europe').has('currency')).toBe(false);
  });

  it('does not read "partner" in 21Vianet host names nor "office" in out of office', () => {
    expect(
      matchConcepts('contoso.partner.onmschina.cn and partner.outlook.cn').has('partner_relationship'),
    ).toBe(false);
    const outOfOffice = matchConcepts('Please set an out-of-office reply');
    expect(outOfOffice.has('office_apps')).toBe(false);
    expect(outOfOffice.has('auto_reply')).toBe(true);
  });

  it('compiles every term of the lexicon', () => {
    for (const concept of SUPPORT_CONCEPTS) {
      for (const term of concept.terms) expect(() => new RegExp(compileTerm(term))).not.toThrow();
    }
  });

  it('has unique concept ids', () => {
    const ids = SUPPORT_CONCEPTS.map((concept) => concept.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
