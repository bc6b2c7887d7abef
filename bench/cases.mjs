// Benchmark of issue #3: case intake over HTTP against a bare-PostgreSQL baseline, and reads at
// 1,000,000 cases (list filtered by customer and status, and a search in each language).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildIfStale, freshInstallation, load, printTable, round, startService } from './support.mjs';

const INTAKE_SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 20);
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const SEED_CASES = Number(process.env.BENCH_SEED_CASES ?? 1_000_000);

/** Realistic cases in the three languages (titles and descriptions are combined independently). */
const PHRASES = [
  [
    'en',
    'Cannot sign in to the Azure portal',
    'Users get an AADSTS error after entering their password since this morning.',
  ],
  [
    'en',
    'VPN gateway drops connections',
    'Point-to-site clients disconnect every few minutes after the certificate renewal.',
  ],
  ['en', 'Invoice shows a double charge', 'Our October invoice lists the Microsoft 365 E3 licences twice.'],
  [
    'en',
    'Exchange Online mail delayed',
    'Inbound mail from partners arrives two hours late for all mailboxes.',
  ],
  [
    'en',
    'How do I add a custom domain?',
    'We want to use contoso.cn for our mailboxes and need the DNS records.',
  ],
  [
    'en',
    'Teams meetings keep freezing',
    'Video freezes for every participant in large meetings in Shanghai.',
  ],
  ['en', 'Power BI refresh fails', 'Scheduled refresh of the sales dataset fails with a gateway timeout.'],
  ['en', 'Storage account unreachable', 'Blob requests to the china north 3 storage account fail with 503.'],
  [
    'fr',
    'Impossible de se connecter au portail',
    'Les utilisateurs reçoivent une erreur après le mot de passe depuis ce matin.',
  ],
  [
    'fr',
    'Débit très faible sur ExpressRoute',
    'Le débit vers China North 3 est tombé à 10 Mbit/s cette nuit.',
  ],
  [
    'fr',
    'Facture en double ce mois-ci',
    'Notre facture de novembre contient deux fois les licences Dynamics 365.',
  ],
  [
    'fr',
    'Messagerie Outlook très lente',
    'Les messages mettent plusieurs minutes à arriver dans la boîte de réception.',
  ],
  [
    'fr',
    'Comment partager un calendrier ?',
    'Je voudrais donner accès à mon calendrier Outlook à une collègue.',
  ],
  [
    'fr',
    'Mise à jour de Windows bloquée',
    'Les machines virtuelles restent bloquées pendant la mise à jour de sécurité.',
  ],
  [
    'fr',
    'Certificat SSL expiré',
    'Le certificat de notre application web a expiré et le site est inaccessible.',
  ],
  [
    'fr',
    'Rapport Power BI vide',
    'Le rapport des ventes affiche des visuels vides depuis la dernière publication.',
  ],
  ['zh', 'Teams 无法登录', '财务部所有人今天早上开始无法登录 Teams，提示账号被锁定。'],
  ['zh', 'Outlook 邮件无法发送', '所有邮件都停留在发件箱，重启客户端也没有用。'],
  ['zh', '发票金额不对', '十月份的发票金额比订阅价格高了一倍，请核实。'],
  ['zh', '虚拟机无法启动', '华北三区的虚拟机重启以后一直无法启动，控制台没有输出。'],
  ['zh', '如何重置管理员密码', '管理员忘记了密码，需要知道重置的步骤。'],
  ['zh', 'OneDrive 同步很慢', '同步几百个文件要好几个小时，网络看起来正常。'],
  ['zh', 'Power BI 报表无法发布', '更新 Power BI Desktop 之后发布报表提示版本不受支持。'],
  ['zh', '存储账户访问超时', '访问存储账户经常超时，影响了生产系统的备份。'],
];

function section(title) {
  process.stdout.write(`\n== ${title}\n`);
}

async function intake(service, customers) {
  let counter = 0;
  const body = () => {
    counter += 1;
    const [, title, description] = PHRASES[counter % PHRASES.length];
    return JSON.stringify({
      customerId: customers[counter % customers.length],
      title,
      description,
      severity: ['A', 'B', 'C'][counter % 3],
      tags: ['bench'],
    });
  };
  return load({
    url: `${service.baseUrl}/v1/cases`,
    connections: 16,
    duration: INTAKE_SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${service.adminKey}`, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  });
}

function pgbenchBaseline(databaseName, customerId) {
  const script = join(tmpdir(), `casebridge-pgbench-${process.pid}.sql`);
  writeFileSync(
    script,
    `WITH c AS (
  INSERT INTO cases (customer_id, title, description, category_source, severity, severity_source, source, tags, reported_at,
                     sla_policy_version_id)
  VALUES ('${customerId}', 'VPN gateway drops connections', 'Point-to-site clients disconnect every few minutes after the certificate renewal.', 'none', 'B', 'explicit', 'agent', '{bench}', now(),
          COALESCE((SELECT p.current_version_id FROM customers cu JOIN sla_policies p ON p.id = cu.sla_policy_id WHERE cu.id = '${customerId}'),
                   (SELECT current_version_id FROM sla_policies WHERE is_default)))
  RETURNING *
), opened AS (
  INSERT INTO case_events (case_id, type, at, actor, data)
  SELECT c.id, 'opened', c.created_at, '{"type":"admin","id":null,"name":"bench"}', jsonb_build_object('severity', c.severity)
  FROM c
)
SELECT c.id FROM c;
`,
  );
  const output = execFileSync(
    'pgbench',
    [
      '-n',
      '-c',
      '16',
      '-j',
      '2',
      '-T',
      String(INTAKE_SECONDS),
      '-f',
      script,
      '-h',
      '127.0.0.1',
      '-U',
      'postgres',
      databaseName,
    ],
    { encoding: 'utf8' },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]);
  return { tps, latency };
}

async function seedMillion(databaseUrl, customers) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query(`CREATE TEMP TABLE bench_phrases (i int, title text, description text)`);
    for (const [index, [, title, description]] of PHRASES.entries()) {
      await client.query(`INSERT INTO bench_phrases VALUES ($1, $2, $3)`, [index, title, description]);
    }
    await client.query(
      `CREATE TEMP TABLE bench_customers AS SELECT row_number() OVER () - 1 AS i, id FROM unnest($1::uuid[]) id`,
      [customers],
    );
    const batch = 100_000;
    for (let from = 1; from <= SEED_CASES; from += batch) {
      await client.query(
        `INSERT INTO cases (customer_id, title, description, category, category_source, severity, severity_source,
                            status, source, reported_at, created_at, updated_at, sla_policy_version_id)
         SELECT bc.id, t.title, d.description || ' Ref ' || n,
                (ARRAY['accounts_signup','billing','how_to','updates','configuration','connectivity','availability'])[1 + n % 7],
                'triage', (ARRAY['A','B','C','C'])[1 + n % 4], 'triage',
                CASE WHEN n % 100 < 80 THEN 'closed' WHEN n % 100 < 90 THEN 'resolved' WHEN n % 100 < 94 THEN 'in_progress'
                     WHEN n % 100 < 97 THEN 'new' WHEN n % 100 < 99 THEN 'awaiting_customer' ELSE 'triaged' END,
                'integration', now() - make_interval(secs => ($3 - n)), now() - make_interval(secs => ($3 - n)), now(),
                (SELECT current_version_id FROM sla_policies WHERE is_default)
         FROM generate_series($1::int, $2::int) AS n
         JOIN bench_phrases t ON t.i = n % ${PHRASES.length}
         JOIN bench_phrases d ON d.i = (n / 7) % ${PHRASES.length}
         JOIN bench_customers bc ON bc.i = n % ${customers.length}`,
        [from, Math.min(from + batch - 1, SEED_CASES), SEED_CASES],
      );
    }
    await client.query('VACUUM ANALYZE cases');
    return (Date.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

async function explain(databaseUrl, path) {
  const { buildCaseListQuery } = await import('../dist/src/cases/case.repository.js');
  const url = new URL(`http://x${path}`);
  const q = url.searchParams.get('q');
  const { sql, values } = buildCaseListQuery({
    customerScope: null,
    customerId: url.searchParams.get('customerId') ?? undefined,
    status: url.searchParams.get('status') ?? undefined,
    searchTerms: q ? q.split(/\s+/) : [],
    limit: 26,
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${sql}`, values);
    return rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n');
  } finally {
    await client.end();
  }
}

async function main() {
  buildIfStale();
  const database = await freshInstallation('cases');
  const service = await startService({
    DATABASE_URL: database.url,
    QUEUE_PREFIX: database.queuePrefix,
    ROLE: 'api',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  });
  try {
    process.stdout.write(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${round(totalmem() / 2 ** 30)} GiB, node ${process.version}\n`,
    );
    const customers = [];
    for (let index = 0; index < 50; index += 1) {
      customers.push(
        (await service.api('POST', '/v1/customers', { name: `Bench ${index}`, tenantId: randomUUID() })).id,
      );
    }

    section(`intake: POST /v1/cases, 16 connections, ${INTAKE_SECONDS} s`);
    const intakeResult = await intake(service, customers);
    section(
      `baseline: pgbench -c 16 -j 2 -T ${INTAKE_SECONDS}, the same case + opened event in one transaction`,
    );
    const baseline = pgbenchBaseline(database.name, customers[0]);
    printTable('Intake', [
      {
        run: 'CaseBridge POST /v1/cases',
        'req/s': round(intakeResult.rps),
        'p50 ms': round(intakeResult.p50, 1),
        'p99 ms': round(intakeResult.p99, 1),
        errors: intakeResult.errors,
      },
      {
        run: 'pgbench (bare PostgreSQL)',
        'req/s': round(baseline.tps),
        'p50 ms': '-',
        'p99 ms': '-',
        errors: 0,
      },
      {
        run: 'ratio to pgbench',
        'req/s': round(intakeResult.rps / baseline.tps, 2),
        'p50 ms': '',
        'p99 ms': '',
        errors: '',
      },
    ]);

    section(`seeding ${SEED_CASES.toLocaleString('en')} cases with SQL`);
    const seedSeconds = await seedMillion(database.url, customers);
    process.stdout.write(`seeded in ${round(seedSeconds)} s\n`);

    const customer = customers[7];
    const reads = [
      ['list: customer + status', `/v1/cases?customerId=${customer}&status=in_progress`, 15],
      ['list: status only', `/v1/cases?status=awaiting_customer`, 15],
      ['search en: "certificate renewal"', `/v1/cases?q=${encodeURIComponent('certificate renewal')}`, 60],
      ['search fr: "debit"', `/v1/cases?q=debit`, 60],
      ['search zh: "无法登录"', `/v1/cases?q=${encodeURIComponent('无法登录')}`, 60],
      [
        'search zh + customer: "发票"',
        `/v1/cases?customerId=${customer}&q=${encodeURIComponent('发票')}`,
        60,
      ],
      // Rare and absent terms: a scan in number order would read the whole table before answering.
      ['search, one case: "Ref 777777"', `/v1/cases?q=${encodeURIComponent('Ref 777777')}`, 60],
      ['search en, no match: "kerberos"', `/v1/cases?q=kerberos`, 60],
      ['search zh, no match: "数据库迁移"', `/v1/cases?q=${encodeURIComponent('数据库迁移')}`, 60],
    ];
    const rows = [];
    for (const [name, path, target] of reads) {
      const result = await load({
        url: `${service.baseUrl}${path}`,
        connections: 4,
        duration: READ_SECONDS,
        headers: { authorization: `Bearer ${service.adminKey}` },
      });
      rows.push({
        read: name,
        'req/s': round(result.rps),
        'p50 ms': round(result.p50, 1),
        'p95 ms': round(result.p95, 1),
        'target p95': `≤ ${target}`,
        errors: result.errors,
      });
    }
    printTable(
      `Reads at ${SEED_CASES.toLocaleString('en')} cases (4 connections, ${READ_SECONDS} s each)`,
      rows,
    );
    section('query plans (EXPLAIN ANALYZE of the SQL the service runs)');
    for (const [name, path] of reads) {
      process.stdout.write(`  ${name}\n${await explain(database.url, path)}\n`);
    }
  } finally {
    await service.stop();
    await database.drop();
  }
}

await main();
