import { detectLanguage } from './language-detector.js';

describe('detectLanguage', () => {
  it.each([
    ['Outlook keeps asking for my password', 'en'],
    ['Impossible de me connecter à Outlook depuis ce matin', 'fr'],
    ['Outlook 一直要求输入密码', 'zh'],
  ])('recognises %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('treats Chinese with English product names and error codes as Chinese', () => {
    expect(detectLanguage('Teams 客户端登录报错 caa20002，Outlook 和 OneDrive 正常')).toBe('zh');
    expect(detectLanguage('Power BI Desktop 更新后无法发布 report to app.powerbi.cn')).toBe('zh');
    expect(detectLanguage('VPN 不通')).toBe('zh');
  });

  it('keeps a French case French when it quotes a few Chinese characters', () => {
    expect(
      detectLanguage(
        'Bonjour, il nous faut un fapiao spécial TVA (增值税专用发票) et non un fapiao ordinaire pour les abonnements du mois dernier.',
      ),
    ).toBe('fr');
  });

  it('recognises French typed without accents', () => {
    expect(
      detectLanguage(
        'bonjour, le mot de passe de notre comptable a expire et elle ne peut plus se connecter',
      ),
    ).toBe('fr');
    expect(detectLanguage('probleme de connexion au VPN depuis hier, merci de nous aider')).toBe('fr');
  });

  it('recognises short texts', () => {
    expect(detectLanguage('Facture en double')).toBe('fr');
    expect(detectLanguage('Invoice missing')).toBe('en');
    expect(detectLanguage('发票')).toBe('zh');
    expect(detectLanguage('mot de passe oublié')).toBe('fr');
  });

  it('keeps an English case English when it names a French colleague', () => {
    expect(
      detectLanguage('Please reset the password of Mme Hélène Lefèvre, she is locked out of Outlook.'),
    ).toBe('en');
  });

  it('falls back to English when there is nothing to go on', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('0x80040115 !!!')).toBe('en');
  });
});
