/**
 * The support-domain concept lexicon, shared by case triage and knowledge suggestions.
 *
 * A concept gathers the English, French and Chinese ways of saying one thing ("password", "mot de passe",
 * "密码"), so that a case and an article written in different languages meet on the same concept ids.
 *
 * Term syntax (terms are comma-separated; matching is on normalised text: lower case, no accents):
 * - Latin-script terms match on word boundaries; a space matches any run of spaces, hyphens, dots,
 *   slashes or apostrophes (or nothing: "sign in" matches "sign-in" and "signin");
 * - a trailing `*` makes the last word a prefix ("factur*" matches "facture", "facturation");
 * - terms containing Chinese characters match as plain substrings.
 *
 * Kinds: `product` (services, apps, features), `topic` (what the case is about), `intent` (what the
 * writer wants: a how-to, a change, planning) and `severity` (impact and urgency cues; ignored by the
 * knowledge ranker).
 */
export type ConceptKind = 'product' | 'topic' | 'intent' | 'severity';

export interface SupportConcept {
  id: string;
  kind: ConceptKind;
  terms: readonly string[];
}

function concept(id: string, kind: ConceptKind, terms: string): SupportConcept {
  return {
    id,
    kind,
    terms: terms
      .split(',')
      .map((term) => term.trim())
      .filter((term) => term.length > 0),
  };
}

export const SUPPORT_CONCEPTS: readonly SupportConcept[] = [
  // ---------------------------------------------------------------- identity, accounts, sign-up
  concept(
    'password',
    'topic',
    'password*, passwd, pwd, passphrase, mot de passe, mots de passe, mdp, 密码, 口令, 临时密码',
  ),
  concept(
    'reset',
    'topic',
    'reset*, forgot*, forgotten, reinitialis*, reinitialiser, oublie*, 重置, 忘记, 忘了, 重设',
  ),
  concept(
    'mfa',
    'topic',
    'mfa, 2fa, multi factor, multifactor, two factor, two step, 2 step verification, authenticator, verification code*, ' +
      'security code, sms code, text message code, one time code, otp, security info, sign in method*, ' +
      'authentification multifacteur, authentification multi facteur, double authentification, ' +
      'authentification a deux facteurs, code de verification, code par sms, code sms, informations de securite, ' +
      'methode de connexion, 多重身份验证, 多因素, 双重验证, 双因素, 两步验证, 验证码, 身份验证器, 短信验证, 安全信息, ' +
      '验证方式, 批准通知, 二次验证',
  ),
  concept(
    'sign_in',
    'topic',
    'sign in, signing in, signed in, sign on, log in, login*, logging in, log on, logon, credentials, ' +
      'se connecter, me connecter, se connecte, se connectent, identifiant*, ouverture de session, authentifier, ' +
      '登录, 登陆, 登入, 凭据',
  ),
  concept('account', 'topic', 'account*, compte*, 账号, 帐号, 账户, 帐户, 用户名'),
  concept(
    'account_locked',
    'topic',
    'locked, lock out, locked out, lockout, account disabled, sign in blocked, blocked from signing in, ' +
      'block sign in, verrouill*, compte bloque, compte desactive, 锁定, 被锁, 锁了, 冻结, 被禁用',
  ),
  concept(
    'admin_role',
    'topic',
    'global admin*, administrator*, admin, admins, admin role*, role*, permission*, privileged, rbac, ' +
      'role assignment, contributor role, owner role, delegated admin*, gdap, administrat*, role*, droits, ' +
      'habilitation*, 管理员, 全局管理员, 角色, 权限, 授权',
  ),
  concept(
    'user_lifecycle',
    'topic',
    'new hire*, new user*, new employee*, new staff, new starter*, new colleague*, joiner*, onboard*, leaver*, ' +
      'left the company, has left, left on, offboard*, departed, resign*, intern*, nouvel arrivant, ' +
      'nouveaux arrivants, nouveaux collaborateurs, nouvel utilisateur, nouvelle collaboratrice, a quitte, ' +
      'quitte la societe, depart, 新员工, 新同事, 入职, 离职, 新用户, 开账号, 开通账号, 建账号, 创建账号, 新建用户, ' +
      '开个账号, 新来',
  ),
  concept(
    'licence',
    'topic',
    'licen*, seat, seats, e1, e3, e5, f3, business standard, business basic, business premium, pro licen*, ' +
      'licence*, 许可证, 许可, license, 商业标准版, 商业基础版, 商业高级版',
  ),
  concept(
    'signup',
    'topic',
    'sign up, signup, register, registered, registration, enrol*, trial, new account, open an account, ' +
      'create an account, set up an account, inscription, inscrire, ouvrir un compte, ouverture d un compte, ' +
      'creer un compte, essai, periode d essai, 注册, 开户, 试用, 申请账号, 开通',
  ),
  concept(
    'tenant',
    'topic',
    'tenant*, directory, initial domain, onmschina, locataire, domaine initial, 租户, 目录',
  ),
  concept(
    'partner_relationship',
    'topic',
    'partner relationship, reseller relationship, reseller, csp, cloud solution provider, partner center, ' +
      'relation partenaire, relation de revendeur, revendeur, 代理商, 经销商, 伙伴关系, 合作伙伴关系',
  ),
  concept(
    'company_verification',
    'topic',
    'business licen*, company verification, verify our company, legal representative, legal person, ' +
      'stamped, company seal, authorisation letter, authorization letter, licence commerciale, ' +
      'representant legal, kbis, extrait, 营业执照, 法人, 资质, 审核, 实名, 授权书, 公章, 身份证',
  ),
  concept(
    'username',
    'topic',
    'sign in name, username, user name, upn, user principal name, display name, rename*, surname, ' +
      'nom d utilisateur, nom de connexion, nom d affichage, renommer, 用户名, 登录名, 显示名, 改名, 更名',
  ),
  concept(
    'aad_error',
    'topic',
    'aadsts*, invalid username or password, error validating credentials, incorrect password, wrong password, ' +
      'mot de passe incorrect, 用户名或密码不正确, 密码错误',
  ),
  concept(
    'guest_access',
    'topic',
    'guest*, external user*, b2b, invitation*, invite*, invite*, utilisateurs externes, 来宾, 外部用户, 访客, 邀请',
  ),
  concept(
    'security_incident',
    'topic',
    'compromis*, hacked, hack, breach, phishing, suspicious, unknown ip, attacker*, malware, ransomware, virus, ' +
      'unauthori*, impossible travel, spam, fraud*, piratage, pirate, hameconnage, suspect*, frauduleu*, ' +
      '被盗, 盗号, 入侵, 钓鱼, 可疑, 异常登录, 泄露, 勒索, 病毒, 黑客, 安全警报, 安全事件, 诈骗',
  ),
  // ---------------------------------------------------------------- billing
  concept(
    'invoice',
    'topic',
    'invoice*, bill, bills, billed, billing, statement*, inv, factur*, releve*, 账单, 发票, 对账单, 账期',
  ),
  concept(
    'fapiao',
    'topic',
    'fapiao, vat, special vat, general vat, tax invoice, tax number, tax id, taxpayer, tax rate, tax details, ' +
      'tva, contribuable, numero fiscal, informations fiscales, 发票, 增值税, 专票, 普票, 专用发票, 普通发票, 数电票, ' +
      '电子发票, 抬头, 税号, 开票, 纳税人, 抵扣, 作废, 红冲, 税率',
  ),
  concept(
    'charge',
    'topic',
    'charge, charges, charged, charging, cost, costs, costing, fee, fees, amount*, spend*, spent, overcharg*, ' +
      'expensive, cout*, frais, montant*, depense*, preleve*, prelevement*, 费用, 扣费, 收费, 金额, 花费, 多扣, 扣款, ' +
      '计费, 多收',
  ),
  concept(
    'price',
    'topic',
    'price*, pricing, quote*, quotation, discount*, unit price, per user per month, cheaper, list price, ' +
      'prix, tarif*, devis, remise*, moins cher, 价格, 报价, 单价, 折扣, 多少钱, 优惠, 便宜',
  ),
  concept(
    'payment',
    'topic',
    'pay, pays, paid, paying, payment*, bank transfer, wire transfer, transferred, overdue, unpaid, outstanding, ' +
      'balance, prepaid, prepayment, credit limit, receipt, remittance, direct debit, paiement*, payer, paye, ' +
      'payes, virement*, impaye*, solde, regle, reglee, reglement, tresorerie, 付款, 支付, 转账, 汇款, 欠费, 余额, ' +
      '预付, 信用额度, 到账, 缴费, 回单, 打款, 款项',
  ),
  concept(
    'refund',
    'topic',
    'refund*, credit note*, reimburs*, money back, rembours*, avoir, avoirs, 退款, 退费, 退还, 红字',
  ),
  concept(
    'finance_team',
    'topic',
    'billing contact, accounts payable, finance, finance department, finance team, accountant*, accounting, ' +
      'cfo, auditor*, contact de facturation, comptab*, daf, service financier, commissaire aux comptes, ' +
      'direction financiere, 财务, 会计, 报账, 审计, 出纳',
  ),
  concept(
    'currency',
    'topic',
    'rmb, cny, eur, euro, euros, usd, dollar*, currency, exchange rate, yuan, devise*, taux de change, 人民币, 汇率, ' +
      '美元, 欧元, 币种',
  ),
  concept(
    'billing_term',
    'topic',
    'monthly billing, annual*, yearly, renewal, renew*, commitment, prorat*, pay monthly, paid monthly, ' +
      'mensuel*, annuel*, renouvel*, engagement, au mois, 月付, 年付, 续费, 续订, 到期, 按月, 按年, 年度',
  ),
  concept(
    'usage_cost',
    'topic',
    'usage, consumption, meter*, cost management, cost analysis, budget*, spending, data transfer out, egress, ' +
      'bandwidth charge*, consommation, budget*, analyse des couts, bande passante sortante, 用量, 使用量, 预算, ' +
      '成本, 消耗, 流量费, 出站流量',
  ),
  concept('subscription', 'topic', 'subscription*, abonnement*, 订阅'),
  concept(
    'purchase',
    'topic',
    'purchase*, bought, buy, buying, order more, ordered, acheter, achat*, achete*, commander, avons commande, ' +
      'commande de licences, bon de commande, 购买, 采购, 增购, ' +
      '下单, 订购, 买了',
  ),
  // ---------------------------------------------------------------- updates
  concept(
    'update',
    'topic',
    'update*, updating, upgrade*, upgrading, new version, latest version, this version, current version, ' +
      'newer version, build, builds, release*, rollout, ' +
      'rolled out, roll out, new teams, new outlook, mise a jour, mises a jour, mettre a jour, mis a jour, ' +
      'nouvelle version, cette version, derniere version, bascule, nouveau teams, nouvel outlook, nouveau outlook, ' +
      '更新, 升级, 版本, 新版, 旧版',
  ),
  concept(
    'patch',
    'topic',
    'patch*, hotfix*, security update*, cumulative update*, kb5*, kb4*, windows update*, wsus, update manager, ' +
      'correctif*, mises a jour de securite, mise a jour de securite, 补丁, 安全更新, 累积更新, 打补丁, 修补',
  ),
  concept(
    'retirement',
    'topic',
    'retire*, retirement, deprecat*, end of support, end of life, eol, no longer supported, no longer be supported, ' +
      'sunset*, phase out, phased out, decommission*, fin de support, fin de vie, retrait, obsolete*, ' +
      'plus pris en charge, ne sera plus, 退役, 停用, 不再支持, 停止支持, 下线, 弃用, 淘汰, 终止支持, 延长支持',
  ),
  concept(
    'roadmap',
    'topic',
    'roadmap, when will, release date, general availability, preview, new feature*, coming to, available in china, ' +
      'available for 21vianet, copilot, loop, clipchamp, feuille de route, nouvelle fonctionnalite*, ' +
      'nouvelles fonctionnalites, quand sera, sera propose, echeance, 上线, 路线图, 新功能, 预览, 什么时候, 何时',
  ),
  concept(
    'maintenance',
    'topic',
    'maintenance*, maintenance window, planned maintenance, message center, message centre, ' +
      'fenetre de maintenance, centre de messages, 维护, 维护窗口, 消息中心, 计划内维护',
  ),
  concept(
    'update_channel',
    'topic',
    'current channel, monthly enterprise channel, semi annual, update channel, release channel, channel, ' +
      'canal actuel, canal entreprise, canal de mise a jour, canal, semestriel, 更新通道, 半年频道, 当前频道, 通道',
  ),
  concept(
    'rollback',
    'topic',
    'roll back, rollback, revert*, previous version, previous build, older version, downgrade, go back to, ' +
      'revenir a, version precedente, ancienne version, retour arriere, revenir en arriere, 回滚, 回退, 降级, 旧版本, ' +
      '上一个版本, 装回',
  ),
  concept(
    'after_change',
    'topic',
    'since the update, after the update, after updating, after the upgrade, since the upgrade, after installing, ' +
      'depuis la mise a jour, apres la mise a jour, depuis la derniere mise a jour, 更新后, 升级后, 更新以后, 升级以后, ' +
      '更新之后, 升级之后, 打完补丁',
  ),
  concept(
    'legacy_protocol',
    'topic',
    'tls 1.0, tls 1.1, tls, basic auth*, legacy auth*, smtp auth, pop, imap, msonline, azuread module, ' +
      'authentification de base, 基本身份验证, 旧协议',
  ),
  // ---------------------------------------------------------------- configuration
  concept(
    'dns',
    'topic',
    'dns, mx, mx record*, spf, dkim, dmarc, cname, txt, txt record*, srv, autodiscover, nameserver*, registrar, ' +
      'dns record*, dns zone, enregistrement dns, enregistrements dns, enregistrement mx, enregistrement txt, ' +
      'registraire, zone dns, 解析, dns, 记录, 域名解析, 解析记录',
  ),
  concept(
    'domain',
    'topic',
    'domain*, custom domain*, vanity domain, domaine*, domaine personnalise, 域名, 自定义域',
  ),
  concept(
    'mail_flow',
    'topic',
    'mail flow, transport rule*, connector*, disclaimer*, bcc, blind copy, forward*, auto forward*, journal*, ' +
      'relay, smtp relay, accepted domain, flux de messagerie, regle de flux, regle de transport, connecteur*, ' +
      'transfert*, transferer, cci, copie cachee, footer, confidentiality notice, legal notice, append*, ' +
      'mention de confidentialite, mention legale, avertissement juridique, pied de page, 邮件流, 传输规则, 连接器, 转发, ' +
      '免责声明, 保密声明, 密送, 中继, 抄送, 邮件规则, 追加',
  ),
  concept(
    'policy',
    'topic',
    'polic*, conditional access, compliance polic*, retention polic*, dlp, app protection, strategie*, ' +
      'politique*, acces conditionnel, regle*, 策略, 条件访问, 保留策略, 规则',
  ),
  concept(
    'device_management',
    'topic',
    'intune, mdm, mam, compliant, non compliant, compliance polic*, enroll*, company portal, device management, ' +
      'managed device*, non conforme*, appareil conforme, portail d entreprise, gestion des appareils, 设备管理, ' +
      '公司门户, 注册设备, 不合规, 合规策略, 设备合规',
  ),
  concept(
    'setting',
    'intent',
    'setting*, configur*, config, enable*, disable*, turn on, turn off, switch on, switch off, set up a rule, ' +
      'allow only, restrict*, parametr*, configur*, activer, desactiver, active, autoriser, restreindre, ' +
      '设置, 配置, 启用, 禁用, 开启, 关闭, 允许, 限制, 更改, 改成',
  ),
  concept(
    'federation',
    'topic',
    'ad fs, adfs, federat*, sso, single sign on, saml, entra connect, azure ad connect, aad connect, ' +
      'directory sync*, dirsync, hybrid identity, password hash sync, token signing, federat*, ' +
      'authentification unique, synchronisation d annuaire, 联合, 单点登录, 目录同步',
  ),
  concept(
    'network_rule',
    'topic',
    'nsg, network security group*, waf, application gateway, web application firewall, inbound rule*, ' +
      'outbound rule*, security rule*, load balancer, front door, owasp, private endpoint*, service endpoint*, ' +
      'groupe de securite reseau, regle entrante, regles entrantes, regle de trafic entrant, 安全组, 网络安全组, ' +
      '入站规则, 出站规则, 应用程序网关, 负载均衡, 专用终结点',
  ),
  concept(
    'certificate',
    'topic',
    'certificat*, cert, certs, ssl certificate, tls certificate, https binding, 证书',
  ),
  concept(
    'external_sharing',
    'topic',
    'external sharing, sharing settings, external access, share externally, anonymous link*, anyone link*, ' +
      'external guests, partage externe, acces externe, partager avec des externes, 外部共享, 外部访问, 共享设置, 匿名链接',
  ),
  concept(
    'password_policy',
    'topic',
    'password expir*, expiration, password policy, password complexity, expire every, ' +
      'expiration des mots de passe, mots de passe n expirent, 密码过期, 密码有效期, 密码策略, 过期',
  ),
  // ---------------------------------------------------------------- connectivity
  concept(
    'network',
    'topic',
    'network*, lan, wan, wifi, wi fi, wireless, vlan, switch, switches, router*, isp, carrier, broadband, fiber, ' +
      'fibre, 4g, 5g, hotspot, mobile data, tracert, traceroute, ping, packet loss, latency, mtu, ipv6, nat, ' +
      'bandwidth, reseau*, routeur*, box, ligne, latence, operateur, partage de connexion, 网络, 路由器, 交换机, 宽带, ' +
      '热点, 丢包, 运营商, 光纤, 4g, 内网, 外网, 出口, 带宽, 网管, 线路',
  ),
  concept(
    'proxy',
    'topic',
    'proxy*, pac file, squid, ssl inspection, tls inspection, https inspection, zscaler, bluecoat, ' +
      'inspection ssl, inspection tls, 代理, 解密检查, ssl 解密',
  ),
  concept(
    'firewall',
    'topic',
    'firewall*, fortigate, palo alto, sangfor, allow list, allowlist, whitelist*, port, ports, tcp, udp, ' +
      'endpoint*, ip range*, fqdn, urls, pare feu, parefeu, liste blanche, plages d adresses, plage ip, ' +
      '防火墙, 端口, 白名单, 放行, 终结点, 网址, ip 段, 地址段, 深信服',
  ),
  concept(
    'vpn',
    'topic',
    'vpn, site to site, point to site, p2s, s2s, ike, ikev2, ipsec, vpn gateway, virtual network gateway, ' +
      'openvpn, vpn client, site a site, point a site, passerelle vpn, tunnel*, 站点到站点, 点到站点, 隧道, vpn 网关',
  ),
  concept(
    'private_link',
    'topic',
    'expressroute, express route, private line, dedicated line, bgp, peering, mpls, circuit, ligne dediee, ' +
      'ligne privee, 专线, 对等互连, 对等',
  ),
  concept(
    'connection_failure',
    'topic',
    'cannot connect, can t connect, can not connect, unable to connect, couldn t connect, won t connect, ' +
      'fails to connect, failed to connect, connection failed, connection error, connection timed out, timed out, ' +
      'timeout*, time out, disconnect*, trying to connect, unreachable, not reachable, cannot reach, can t reach, ' +
      'err connection*, connection reset, connection refused, drops, dropped, keeps dropping, ' +
      'impossible de se connecter, n arrive pas a me connecter, n arrivent plus a se connecter, deconnect*, se coupe*, ' +
      'coupure*, coupe*, injoignable*, delai d attente, ne repond pas, 连不上, 无法连接, 连接失败, 连接超时, 超时, ' +
      '断开, 掉线, 断线, 不通, 连接不可用, 一直转圈, 转圈',
  ),
  concept(
    'remote_access',
    'topic',
    'rdp, remote desktop, ssh, telnet, bastion, jump host, jump server, bureau a distance, 远程桌面, 跳板机, 堡垒机',
  ),
  concept(
    'location_specific',
    'topic',
    'from home, at home, working from home, office network, guest wi fi, branch office, hotel, factory, warehouse, ' +
      'headquarters, hq, from the office, in the office, our office, the office, office in, branch, ' +
      'chez moi, depuis chez, domicile, teletravail, usine, bureau de, notre bureau, ' +
      'entrepot, siege, agence, au bureau, depuis le bureau, 在家, 家里, 分公司, 总部, 工厂, 机房, 公司网络, 酒店, ' +
      '办公室, 手机热点, 在公司',
  ),
  concept(
    'works_elsewhere',
    'topic',
    'works on mobile, on mobile data, on 4g, with a hotspot, phone hotspot, from home it works, at home it works, ' +
      'works from home, other offices are fine, other office is fine, the other office, guest wi fi, on the guest, ' +
      'other pcs are fine, other laptops, other computers, fonctionne en 4g, en 4g, partage de connexion, ' +
      'depuis le domicile, n ont aucun probleme, aucun probleme depuis, les autres postes, autres bureaux, ' +
      'nos collegues de, wi fi invites, 手机热点, 用手机, 4g 下, 在家正常, 在家里, 在家就, 其他电脑, 别的电脑, ' +
      '其他办公室, 其他同事都正常, 没问题',
  ),
  concept(
    'media_quality',
    'topic',
    'audio, video, choppy, jitter, freez*, frozen, call quality, echo, screen sharing, breaking up, ' +
      'son, saccade*, fige*, qualite des appels, partage d ecran, 卡顿, 声音, 视频, 断断续续, 画面, 共享屏幕, 音视频',
  ),
  concept(
    'client_error_code',
    'topic',
    'caa*, 0x8*, error 809, erreur 809, 809, err_*, 0x80040115, 0x800ccc0e',
  ),
  // ---------------------------------------------------------------- availability
  concept(
    'outage',
    'topic',
    'outage*, down, is down, went down, service down, unavailable, not available, inaccessible, not accessible, ' +
      'offline, incident*, platform issue, platform problem, service issue, degraded, degradation, disruption, ' +
      'interruption, stopped working, not working, completely down, panne*, indisponib*, inaccessible*, ' +
      'incident*, interruption*, hors service, ne fonctionne plus, ne marche plus, 故障, 中断, 宕机, 不可用, 挂了, ' +
      '瘫痪, 无法使用, 用不了, 停止服务, 服务异常, 无法访问, 访问不了, 打不开',
  ),
  concept(
    'slowness',
    'topic',
    'slow*, sluggish, takes forever, performance, lag, lagging, delay*, late, latency, queued, pending, deferred, ' +
      'lent, lente, lents, lentes, lenteur*, ralenti*, retard*, met plus de, 慢, 缓慢, 延迟, 延时, 很卡, 响应时间, ' +
      '卡住, 加载',
  ),
  concept(
    'server_error',
    'topic',
    '502, 503, 504, 5xx, 500 internal, http 500, error 500, erreur 500, bad gateway, service unavailable, ' +
      'server busy, serverbusy, internal server error, gateway timeout, 40613, 451, temporary server error, ' +
      'something went wrong, couldn t retrieve, 服务器繁忙, 内部服务器错误, 服务不可用',
  ),
  concept(
    'service_health',
    'topic',
    'service health, health dashboard, status page, resource health, known issue*, known incident, incident id, ' +
      'ongoing incident, regional incident, platform, on your side, service side, server side, ' +
      'etat du service, integrite du service, integrite, probleme connu, incident en cours, cote service, ' +
      'plateforme, is there an incident, any incident, y a t il un incident, incident connu, 服务运行状况, 服务健康, ' +
      '服务状态, 状态页, 已知问题, 已知的, 服务故障, 有没有故障, 平台问题, 你们那边, 服务端, 平台, 资源运行状况',
  ),
  concept(
    'intermittent',
    'topic',
    'intermittent*, occasional*, sometimes, from time to time, randomly, sporadic*, a few times, once or twice, ' +
      'flaky, par moments, parfois, de temps en temps, aleatoire*, par intermittence, 偶尔, 间歇, 时不时, 有时, ' +
      '时好时坏',
  ),
  concept(
    'no_change',
    'topic',
    'nothing changed, no changes, haven t changed, didn t change, nothing was changed, no change, no deployment, ' +
      'not changed, aucune modification, rien change, rien modifie, aucun changement, rien n a change, ' +
      'aucun deploiement, 没有做任何变更, 没有变更, 没有修改, 没做任何, 没有改动, 没有发布, 没有任何变更, 没改过',
  ),
  concept(
    'region',
    'topic',
    'china east*, china north*, chinaeast*, chinanorth*, region*, chine est, chine nord, 中国东部, 中国北部, 华东, ' +
      '华北, 区域',
  ),
  // ---------------------------------------------------------------- how-to intent
  concept(
    'how_question',
    'intent',
    'how do i, how do we, how can i, how can we, how to, how should, how does, best way, recommended way, ' +
      'is there a way, is it possible to, step by step, walkthrough, guide, guidance, documentation, doc link, ' +
      'instructions, tutorial, best practice*, recommend*, what steps, procedure, comment, quelle est la demarche, ' +
      'demarche, est il possible, existe t il, y a t il un moyen, tutoriel, marche a suivre, etapes, recommand*, ' +
      'bonne pratique*, 怎么, 如何, 怎样, 步骤, 教程, 文档, 指南, 有没有办法, 操作方法, 具体操作, 推荐, 最佳实践, ' +
      '方法, 在哪里',
  ),
  concept(
    'planning',
    'intent',
    'plan to, we plan, planning, plan ahead, ahead, before our audit, next month, next year, next quarter, prepare, ' +
      'prevoir, planifier, preparons, preparer, le mois prochain, l an prochain, 计划, 准备, 打算, 下个月, 下季度, ' +
      '明年, 提前',
  ),
  concept(
    'request_change',
    'intent',
    'please set up, please change, please enable, please add, please remove, please update, could you set, ' +
      'can you set, could you change, can you change, could you add, could you update, let me know when, ' +
      'pouvez vous modifier, pourriez vous, merci de, pouvez vous ajouter, 请帮, 帮我们, 麻烦帮, 请把, 帮忙',
  ),
  // ---------------------------------------------------------------- products and features
  concept('teams', 'product', 'teams, microsoft teams, teams client, 团队'),
  concept('outlook', 'product', 'outlook, owa, outlook on the web, outlook web, outlook desktop'),
  concept(
    'exchange',
    'product',
    'exchange, exchange online, mailbox*, mail server, boite aux lettres, boites aux lettres, boite mail, ' +
      'boites mail, boite, boites, 邮箱, exchange online',
  ),
  concept(
    'email',
    'product',
    'email*, e mail*, mail, mails, inbox, sender*, recipient*, bounce*, ndr, junk, spam folder, courriel*, ' +
      'messagerie, expediteur*, destinataire*, indesirable*, 邮件, 收件, 发件, 退信, 垃圾邮件, 外发',
  ),
  concept(
    'shared_mailbox',
    'product',
    'shared mailbox*, distribution list*, distribution group*, group mailbox, room mailbox, resource mailbox, ' +
      'microsoft 365 group, team address, common address, generic address, boite partagee, ' +
      'boite aux lettres partagee, adresse commune, adresse generique, liste de diffusion, liste de distribution, ' +
      '共享邮箱, 共用邮箱, 共用的邮箱, 公用邮箱, 通讯组, 分发列表, 会议室邮箱, 公共邮箱',
  ),
  concept(
    'calendar',
    'product',
    'calendar*, meeting room*, room booking, free busy, delegate*, calendrier*, agenda, salle de reunion, ' +
      'disponibilites, delegue*, 日历, 会议室, 忙闲, 代理人, 助理',
  ),
  concept(
    'auto_reply',
    'product',
    'outofoffice, automatic repl*, auto reply, autoreply, vacation reply, reponse automatique, reponse d absence, ' +
      'message d absence, 自动回复, 自动答复, 外出答复, 外出',
  ),
  concept(
    'chat',
    'product',
    'chat, chats, chatting, instant messag*, conversation*, messagerie instantanee, 聊天, 即时消息, 私聊, 群聊',
  ),
  concept(
    'external_organisation',
    'topic',
    'other organisation*, other organization*, external organisation*, external organization*, external domain*, ' +
      'another company, other compan*, partner compan*, partner organi*, autres organisations, autre organisation, ' +
      'organisations externes, autre societe, societe partenaire, domaines externes, 外部组织, 外部公司, 其他组织, ' +
      '其他公司, 合作公司, 外部的组织, 其他外部组织, 两个组织',
  ),
  concept(
    'meeting',
    'product',
    'meeting*, call, calls, webinar*, conference, live event*, reunion*, appel*, visioconference, 会议, 通话, 开会',
  ),
  concept(
    'recording',
    'product',
    'recording*, recorded, record the meeting, transcript*, caption*, subtitle*, enregistrement de la reunion, ' +
      'enregistrement de notre reunion, enregistrement d une reunion, enregistrement de reunion, enregistre la reunion, ' +
      'avons enregistre, reunion enregistree, video de la reunion, enregistrer la reunion, ' +
      'enregistrements des reunions, enregistrements teams, transcription*, sous titre*, ' +
      '录制, 录像, 录音, 字幕, 转录',
  ),
  concept(
    'sharepoint',
    'product',
    'sharepoint, team site*, document librar*, site collection, site owner, bibliotheque*, 文档库, 团队网站',
  ),
  concept('onedrive', 'product', 'onedrive, files on demand, fichiers a la demande, 文件按需'),
  concept('sync', 'topic', 'sync*, synchron*, 同步'),
  concept(
    'sharing',
    'topic',
    'share, shared, shares, sharing, partager, partage, partagee, partages, 共享, 分享',
  ),
  concept(
    'disk_space',
    'topic',
    'disk space, free up space, storage space, disk is full, disk full, hard drive, ssd, local disk, ' +
      'espace disque, disque plein, disque est plein, liberer de l espace, 磁盘空间, 硬盘, 空间不足, 释放空间, 占满, 本地磁盘',
  ),
  concept(
    'schedule',
    'topic',
    'schedule*, every sunday, every night, every week, weekly, nightly, automatically, planifier, programmer, ' +
      'chaque dimanche, chaque semaine, automatiquement, 定期, 定时, 每周, 每天, 自动',
  ),
  concept(
    'case_information',
    'intent',
    'what information, which information, information to provide, what details, information should, ' +
      'information we should, quelles informations, informations a fournir, rassembler, 哪些信息, 提供什么, 需要提供, ' +
      '信息收集, 准备哪些',
  ),
  concept('files', 'topic', 'file*, folder*, document*, fichier*, dossier*, 文件, 文件夹, 文档'),
  concept(
    'deleted_restore',
    'topic',
    'delete*, deleted, recycle bin, restore*, recover*, undelete, version history, accidentally, by mistake, ' +
      'supprim*, corbeille, restaur*, recuperer, recuperation, historique des versions, par erreur, 删除, 回收站, 恢复, ' +
      '还原, 找回, 历史版本, 误删, 删掉',
  ),
  concept(
    'power_bi',
    'product',
    'power bi, powerbi, dataset*, dashboard*, scheduled refresh, refresh*, actualisation*, jeu de donnees, ' +
      'jeux de donnees, tableau de bord, 报表, 数据集, 刷新, 仪表板',
  ),
  concept('dynamics', 'product', 'dynamics*, crm, dynamics 365, 客户关系'),
  concept(
    'office_apps',
    'product',
    'office, microsoft 365 apps, office apps, word, excel, powerpoint, click to run, office deployment tool, macro*, ' +
      'add in*, word, excel, complement*, 宏, 加载项',
  ),
  concept(
    'virtual_machine',
    'product',
    'vm, vms, virtual machine*, windows server, linux, ubuntu, centos, red hat, os disk, data disk, managed disk*, ' +
      'machine virtuelle, machines virtuelles, 虚拟机, 云服务器',
  ),
  concept(
    'storage',
    'product',
    'storage account*, storage, blob*, container*, file share*, azure files, sas, compte de stockage, stockage, ' +
      'conteneur*, 存储, 存储账户, 容器',
  ),
  concept(
    'database',
    'product',
    'sql, database*, mysql, postgresql, postgres, cosmos*, redis, base de donnees, bases de donnees, base sql, ' +
      '数据库',
  ),
  concept(
    'web_app',
    'product',
    'app service*, web app*, website*, web site, site web, site internet, functions, function app, ' +
      'chinacloudsites, application web, 网站, 官网, web 应用, 站点',
  ),
  concept('kubernetes', 'product', 'aks, kubernetes, k8s, node pool*, kubectl, pool de noeuds, 集群, 节点池'),
  concept(
    'azure_portal',
    'product',
    'azure portal, portal azure, portal.azure.cn, portail azure, azure 门户, 门户, 控制台',
  ),
  concept(
    'admin_center',
    'product',
    'admin center, admin centre, admin portal, microsoft 365 admin, portal.partner.microsoftonline.cn, ' +
      'centre d administration, 管理中心, 管理后台, 管理门户',
  ),
  concept(
    'powershell',
    'product',
    'powershell, cmdlet*, connect exchangeonline, exchangeonlinemanagement, graph powershell, microsoft graph, ' +
      'o365china, script*, 脚本',
  ),
  concept(
    'azure_cli',
    'product',
    'azure cli, az cli, az login, az cloud, az account, az, terraform, azurechinacloud, connect azaccount, sdk, ' +
      'arm template, bicep, ligne de commande, 命令行',
  ),
  concept(
    'china_cloud',
    'product',
    '21vianet, vianet, china cloud, chinacloudapi, mooncake, global version, international version, global service, ' +
      'cloud chinois, 世纪互联, 中国云, 国际版, 国内版',
  ),
  concept(
    'backup',
    'product',
    'backup*, back up, snapshot*, recovery point*, azure backup, sauvegarde*, instantane*, point de restauration, ' +
      '备份, 快照, 还原点',
  ),
  concept(
    'mobile',
    'product',
    'phone*, mobile, smartphone*, iphone, android, ipad, tablet*, telephone*, portable*, 手机, 移动端, 安卓, 苹果, ' +
      'iphone, android, 平板',
  ),
  concept('icp', 'topic', 'icp, icp filing, beian, numero icp, 备案'),
  concept(
    'migration',
    'topic',
    'migrat*, cutover, staged migration, hybrid, move mailboxes, move to, migrer, migr*, 迁移, 搬迁, 混合部署',
  ),
  concept(
    'export_import',
    'topic',
    'export*, import*, csv, bulk, export*, import*, en masse, 导出, 导入, csv, 批量',
  ),
  concept(
    'audit_log',
    'topic',
    'audit log*, sign in log*, sign in logs, message trace, activity log*, journal d audit, journaux de connexion, ' +
      'suivi des messages, 审核日志, 登录记录, 登录日志, 消息跟踪, 活动日志',
  ),
  concept(
    'external_recipients',
    'topic',
    'external recipient*, external email*, outside the company, outside the organisation, outside the organization, ' +
      'leaves the company, sent outside, destinataires externes, a l exterieur, vers l exterieur, hors de l entreprise, ' +
      '外部收件人, 发往外部, 公司外部, 发到外部, 组织外部, 外发',
  ),
  concept(
    'external_partner',
    'topic',
    'vendor*, supplier*, external partner*, auditor*, contractor*, fournisseur*, prestataire*, externe*, ' +
      '供应商, 合作伙伴, 外部',
  ),
  // ---------------------------------------------------------------- severity cues
  concept(
    'sev_everyone',
    'severity',
    'everyone, everybody, all users, all staff, all employees, all our users, all of our users, whole company, ' +
      'entire company, company wide, nobody, no one, whole office, entire office, across the tenant, every user, ' +
      'whole team, all of them, tout le monde, toute l entreprise, tous les utilisateurs, tous nos utilisateurs, ' +
      'personne ne, personne dans, aucun utilisateur, aucun de nos, toute l equipe, l ensemble des, tous les postes, ' +
      'tous nos, plus personne, 所有人, 全公司, 所有用户, 所有员工, 整个公司, 大家都, 都无法, 没有人, 全员, 所有同事, ' +
      '全部, 都不能',
  ),
  concept(
    'sev_business_stop',
    'severity',
    'production, prod, standstill, at a standstill, stopped, halted, losing orders, lost orders, losing money, ' +
      'revenue, customers can t, customers cannot, completely down, totally down, stuck, cannot work, can t work, ' +
      'business critical, critical, blocked, lines stopped, a l arret, bloque, bloques, bloquee, bloquees, arretee*, ' +
      'perdons, chiffre d affaires, critique, ne peuvent plus, plus aucun, 生产, 停了, 停工, 停产, 停摆, 业务中断, 线上, ' +
      '订单, 全停, 损失, 没法, 完全用不了, 开不了工',
  ),
  concept(
    'sev_urgent',
    'severity',
    'urgent*, asap, as soon as possible, immediately, right now, emergency, escalate, on a call, as fast as possible, ' +
      'quickly, urgence, au plus vite, immediatement, rapidement, vite, des que possible, en urgence, 紧急, 很急, 尽快, ' +
      '马上, 立即, 立刻, 加急, 非常急, 越快越好, 24 小时',
  ),
  concept(
    'sev_workaround',
    'severity',
    'workaround, can still, still able, still work*, still can, in the meantime, meanwhile, for now, by hand, ' +
      'manually, temporary, can work, still get, still open, still reach, contournement, en attendant, peuvent encore, ' +
      'arrivent a travailler, arrivons a travailler, arrive a travailler, fonctionne encore, fonctionnent encore, ' +
      'pour l instant, a la main, manuellement, depanne*, 临时, 暂时, 还能, 可以用, 绕, 手动, 目前还, 先用, 正常',
  ),
  concept(
    'sev_partial',
    'severity',
    'some users, a few users, a few, several, some of, part of, a couple, a handful, some people, some colleagues, ' +
      'certains, quelques, une partie, plusieurs, une dizaine, une quinzaine, 部分, 有些, 几个, 一些, 少数, 个别',
  ),
  concept(
    'sev_low',
    'severity',
    'not urgent, no rush, not blocking, nothing urgent, no hurry, when you have time, just a question, planning ahead, ' +
      'for information, fyi, just reporting, low priority, just wondering, nothing is broken, not a big deal, ' +
      'just want, just curious, pas urgent, rien d urgent, pas bloquant, pas presse, simple question, pour information, ' +
      'rien de bloquant, n est pas bloquant, rien d urgent, 不急, 不着急, 不影响, 不算特别急, 有空, 方便的时候, 咨询, ' +
      '想问一下, 想了解, 只是想',
  ),
  concept(
    'sev_malfunction',
    'severity',
    'fail, fails, failed, failing, failure*, error*, broken, not working, doesn t work, don t work, can t, cannot, ' +
      'unable, won t, stuck, bounce*, rejected, crash*, freez*, hangs, echec*, echoue*, erreur*, impossible, ' +
      'ne fonctionne, n arrive, n arrivent, ne peut, ne peuvent, plante*, refuse*, rejete*, 失败, 报错, 错误, 无法, ' +
      '不能, 不了, 收不到, 打不开, 异常, 卡在, 崩溃, 闪退, 退回, 提示',
  ),
  concept(
    'sev_payment_hold',
    'severity',
    'won t pay, will not pay, won t release payment, until this is corrected, until it s fixed, before we pay, ' +
      'payment is on hold, on hold, hold the payment, holding the payment, bloque le paiement, paiement est suspendu, ' +
      'paiement est bloque, en attente depuis, avant de payer, avant que nous la reglions, 不会支付, 不会付款, 才能付款, ' +
      '付款先暂停, 暂停付款, 之前不会',
  ),
  concept(
    'sev_many_people',
    'severity',
    'many users, many colleagues, lots of users, a lot of users, most users, most of our users, many people, ' +
      'several teams, whole department, entire department, the department, beaucoup de collegues, ' +
      'beaucoup d utilisateurs, la plupart des, tout le service, toute l equipe, 好多同事, 很多同事, 很多人, 好多人, ' +
      '大部分, 多数, 整个部门, 全部门, 好几个同事',
  ),
  concept(
    'sev_customer_impact',
    'severity',
    'customers are calling, our customers, customer facing, customer-facing, public website, web shop, online shop, ' +
      'orders, checkout, losing, nos clients, site client, boutique en ligne, commandes, 客户, 线上, 对外, 官网, 商城, ' +
      '下单, 订单',
  ),
  concept(
    'sev_deadline',
    'severity',
    'deadline, today, tonight, tomorrow, by friday, by monday, this week, month end, end of the month, quarter end, ' +
      'aujourd hui, ce soir, demain, fin de mois, fin du mois, fin de trimestre, cette semaine, 今天, 今晚, 明天, 月底, ' +
      '本周, 截止, 季度末',
  ),
  concept(
    'sev_single_user',
    'severity',
    'my laptop, my computer, my pc, my account, only me, just me, one user, one of our employees, one colleague, ' +
      'a colleague, one person, mon poste, mon ordinateur, mon compte, seulement moi, une utilisatrice, un utilisateur, ' +
      'une collegue, un collegue, 我的电脑, 只有我, 一个同事, 我一个人, 个别用户, 一位同事, 一台',
  ),
  concept(
    'sev_onset',
    'severity',
    'since this morning, this morning, since yesterday, since last night, overnight, since 0*, since 1*, since 2*, ' +
      'since about, depuis ce matin, depuis hier, ce matin, depuis 0*, depuis 1*, depuis 2*, 今天早上, 从今天, 从上午, ' +
      '从下午, 从昨天, 今天上午, 今天下午, 凌晨',
  ),
];
