// `npm run bench [suite…]`: runs the named benchmark suites (all when none is named).
const SUITES = { cases: './cases.mjs', sla: './sla.mjs', pipeline: './pipeline.mjs' };
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  process.stderr.write(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}\n`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(SUITES)) {
  process.stdout.write(`\n##### bench: ${name}\n`);
  await import(SUITES[name]);
}
