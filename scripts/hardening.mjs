// `npm run test:hardening`: runs the hardening suites (test/hardening) at full size, then writes
// RELIABILITY.md from what each check tried and what held. Exits with jest's code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const results = join(ROOT, '.emulators', 'hardening-results.jsonl');
mkdirSync(join(ROOT, '.emulators'), { recursive: true });
rmSync(results, { force: true });

const started = Date.now();
const jest = spawnSync(
  process.execPath,
  [
    join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--selectProjects',
    'hardening',
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, XEPLOAI_HARDENING: 'full', XEPLOAI_HARDENING_RESULTS: results },
  },
);
const seconds = Math.round((Date.now() - started) / 1000);

const CATEGORIES = [
  ['fuzz', 'Fuzz: malformed input to the engine, the CLI and the API'],
  ['tokens', 'Tokens: every kind of bad identity is refused and writes nothing'],
  ['faults', 'Faults: crashes, injected failures, lost networks, double clicks, concurrent consolidation'],
  ['load', 'Load: 85 units submitting while the district consolidates'],
  ['abuse', 'Abuse limits: body size, request rate, logs'],
];
const lines = existsSync(results)
  ? readFileSync(results, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
const number = (n) => n.toLocaleString('vi-VN');
const out = [
  '# Reliability',
  '',
  'Written by `npm run test:hardening` (the suites in `test/hardening/` at full size, against the local',
  'Firestore and Functions emulators); `npm test` runs the same suites at a smaller size, except the kills of',
  'the functions (`*.full.test.ts`, minutes of restarts), which run here only. "Tried" is the number of cases a',
  'check ran, "held" how many gave the expected answer (a precise issue, exit 2 or the right 4xx, nothing',
  'written, a whole version or none), never a crash or a 5xx.',
  '',
  `Last run: jest exit code ${jest.status}, ${number(seconds)} s.`,
  '',
];
let allHeld = true;
for (const [category, title] of CATEGORIES) {
  const rows = lines.filter((l) => l.category === category);
  const tried = rows.reduce((sum, r) => sum + r.tried, 0);
  const held = rows.reduce((sum, r) => sum + r.held, 0);
  if (held !== tried || rows.length === 0) allHeld = false;
  out.push(`## ${title}`, '', `Tried ${number(tried)}, held ${number(held)}.`, '');
  out.push('| Check | Tried | Held |', '|---|---:|---:|');
  for (const r of rows)
    out.push(`| ${r.check}${r.note ? ` (${r.note})` : ''} | ${number(r.tried)} | ${number(r.held)} |`);
  out.push('');
}
out.push(
  allHeld && jest.status === 0
    ? 'Every case held.'
    : 'NOT every case held: see the rows above and the jest output.',
);
writeFileSync(join(ROOT, 'RELIABILITY.md'), out.join('\n') + '\n');
console.log(`RELIABILITY.md: ${lines.length} checks written.`);
process.exit(jest.status ?? 1);
