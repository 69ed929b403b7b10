// Architecture rules `npm run lint` checks (dependency-cruiser): what each part of the code may import.
/** Packages that tie code to a framework, a database or a broker. */
const INFRASTRUCTURE_PACKAGES = '^node_modules/(@nestjs/|pg/|pg-[a-z-]+/|@types/pg/|kafkajs/|typeorm/)';
/** Libraries that wrap that infrastructure; domain code uses @koperasi/contracts and @koperasi/domain only. */
const INFRASTRUCTURE_LIBS = '^libs/(database|eventstore|messaging|platform|service-kit|testing)/';
// (Written without nested repetition: dependency-cruiser refuses patterns that could backtrack badly.)
const DOMAIN = '^(apps/[^/]+/src/|apps/[^/]+/src/.+/|libs/)domain/';
const APP_DOMAIN = '^(apps/[^/]+/src/|apps/[^/]+/src/.+/)domain/';
const TESTS = '(\\.spec\\.tsx?$|^test/|^apps/[^/]+/test/)';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-framework',
      comment: 'Deciders and rules are pure functions: no NestJS, pg, kafkajs or TypeORM, not even through a lib.',
      severity: 'error',
      from: { path: DOMAIN, pathNot: TESTS },
      to: { path: [INFRASTRUCTURE_PACKAGES, INFRASTRUCTURE_LIBS] },
    },
    {
      name: 'domain-imports-only-domain',
      comment: "A service's domain code imports its own domain folder and the shared libs, not the service around it.",
      severity: 'error',
      from: { path: APP_DOMAIN, pathNot: TESTS },
      to: { path: '^apps/', pathNot: DOMAIN },
    },
    {
      name: 'lib-imports-no-app',
      comment: 'Libraries are shared by the services; what two services need lives in a lib, never in one of them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-imports-no-other-app',
      comment:
        "A service talks to another over Kafka or HTTP, never through its code; shared code moves to libs/. " +
        "Tests may compare two apps' copies of a rule (the counter app's customer number rules against billpay's).",
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: TESTS },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'production-imports-no-test-code',
      comment: 'Test helpers, fixtures and the harness never ship inside a service.',
      severity: 'error',
      from: { path: '^(apps/[^/]+/src|libs/[^/]+/src)/', pathNot: [TESTS, '^libs/testing/'] },
      to: { path: [TESTS, '^libs/testing/'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing fails at run time (or is a typo the bundler hides).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.run)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
