// Fails when a test file does not say its kind in its name, or a unit test imports infrastructure, so
// `npm run test:unit` never misses a unit test and never picks up one that needs PostgreSQL or Kafka.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const KINDS = ['unit', 'int', 'e2e', 'browser', 'security'];
const named = new RegExp(`\\.(${KINDS.join('|')})\\.spec\\.tsx?$`);
const INFRASTRUCTURE =
  /from '(pg|kafkajs|testcontainers|@testcontainers\/[a-z]+|@koperasi\/testing|supertest|@nestjs\/testing)'|suite-harness/;

const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.spec.ts', '*.spec.tsx'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter(Boolean);
const problems = [];
for (const file of files) {
  if (!named.test(file))
    problems.push(`${file}: name it *.<kind>.spec.ts, kind one of ${KINDS.join(', ')}`);
  else if (/\.unit\.spec\.tsx?$/.test(file)) {
    const infrastructure = readFileSync(file, 'utf8').match(INFRASTRUCTURE);
    if (infrastructure)
      problems.push(`${file}: a unit test imports ${infrastructure[0]}; name it *.int.spec.ts`);
  }
}
if (problems.length > 0) {
  console.error(
    'Test file names (unit: no PostgreSQL, Kafka, Docker or app on a port; int: real infrastructure in this process):',
  );
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
