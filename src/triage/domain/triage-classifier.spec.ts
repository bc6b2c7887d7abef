import { triageCase } from './triage-classifier.js';
import type { CaseCategory } from './triage.types.js';

/** Hand-written cases, different from the training corpus and from the evaluation fixtures. */
const EXAMPLES: [CaseCategory, string, string][] = [
  [
    'accounts_signup',
    'Cannot sign in after the MFA reset',
    'Since IT reset my multi-factor registration yesterday I cannot sign in to my account, the Authenticator app never shows the request.',
  ],
  [
    'accounts_signup',
    'Compte bloqué pour notre acheteur',
    'Le compte de notre acheteur est verrouillé après trop de tentatives de connexion, pouvez-vous le débloquer ?',
  ],
  ['billing', '发票抬头写错了', '上个月的增值税发票公司名称写错了，请作废后重新开具。'],
  [
    'billing',
    'Charged for licences we no longer have',
    'The June invoice charges 25 E3 licences but we reduced to 20 in May. Please credit the difference.',
  ],
  [
    'how_to',
    'How to share a mailbox folder',
    'How do I give my colleague read access to one folder of my mailbox in Outlook? Step by step please.',
  ],
  ['how_to', '怎么在 Teams 里建一个频道', '请问怎么在现有的团队里新建一个私有频道，只让部分同事看到？'],
  [
    'updates',
    'Fin de support de Windows Server 2016',
    'Nos VM Azure tournent sous Windows Server 2016 : quand le support se termine-t-il et quelles mises à jour de sécurité recevrons-nous ?',
  ],
  [
    'updates',
    'Excel crashes since last night’s update',
    'Since the Office update installed last night Excel crashes when opening files for 30 users. Can we roll back the build?',
  ],
  [
    'configuration',
    'Please add a transport rule',
    'Please create a mail flow rule that blocks attachments larger than 20 MB sent to external recipients.',
  ],
  [
    'configuration',
    '条件访问策略配置错误',
    '我们新建的条件访问策略把财务部的所有人都挡住了，提示无法从此处访问，策略哪里配置错了？',
  ],
  [
    'connectivity',
    'Proxy blocks Teams',
    'Since the new proxy went live, Teams on office PCs cannot connect, while on 4G everything works. Which URLs must be allowed?',
  ],
  [
    'connectivity',
    'VPN site à site instable',
    "Le tunnel VPN site à site entre notre usine et Azure se coupe toutes les heures depuis le changement de box de l'opérateur.",
  ],
  [
    'availability',
    'SharePoint down for everyone',
    'SharePoint Online returns HTTP 503 for every user in every office since 10:00. Nothing changed on our side, is there an incident?',
  ],
  [
    'availability',
    'Azure 门户非常慢',
    '今天所有管理员打开 Azure 门户都非常慢，换了网络也一样，是不是平台有问题？',
  ],
];

describe('triageCase', () => {
  it.each(EXAMPLES)('files a clear %s case there', (category, title, description) => {
    expect(triageCase({ title, description }).category).toBe(category);
  });

  it('files off-topic text as other with minimal severity', () => {
    for (const [title, description] of [
      ['Lunch', 'What is on the canteen menu tomorrow?'],
      ['Bonne année', 'Meilleurs vœux à toute l’équipe !'],
      ['周五团建', '这周五下午团建，大家记得报名。'],
    ]) {
      expect(triageCase({ title, description })).toMatchObject({ category: 'other', severity: 'C' });
    }
  });

  it('suggests severity A for a company-wide outage, C for a question', () => {
    expect(
      triageCase({
        title: 'Nobody can open Outlook or Teams',
        description:
          'Since 08:00 nobody in the company (300 users) can connect to Outlook or Teams from any network. Production is at a standstill, please help urgently.',
      }).severity,
    ).toBe('A');
    expect(
      triageCase({
        title: 'Question about invoice format',
        description: 'Just a question, not urgent: can your invoices show our purchase order number?',
      }).severity,
    ).toBe('C');
  });

  it('detects the language and keeps the confidence within 0..1', () => {
    const result = triageCase({
      title: 'Outlook 收不到邮件',
      description: '从今天早上开始部分同事 Outlook 收不到外部邮件。',
    });
    expect(result.language).toBe('zh');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('is deterministic and accepts a service hint', () => {
    const input = {
      title: 'VPN drops',
      description: 'Our point-to-site VPN drops every hour.',
      service: 'azure',
    };
    expect(triageCase(input)).toEqual(triageCase(input));
    expect(triageCase({ ...input, service: null }).category).toBe('connectivity');
  });
});
