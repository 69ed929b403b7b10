// The registry mirror these machines use serves only the platform packages this machine can run, so npm
// leaves the other platforms' optional binaries (@swc/core-*, @unrs/resolver-binding-*) out of
// package-lock.json, and `npm ci` then refuses the lockfile as out of sync. This records each missing one as
// an optional entry for its os/cpu; npm ci skips them on every other platform. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const OSES = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
];
const CPUS = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
const recorded = [];
for (const entry of Object.values(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (packages[`node_modules/${name}`] || !/^\d+\.\d+\.\d+$/.test(version)) continue;
    const os = OSES.find((candidate) => name.includes(candidate));
    const cpu = CPUS.find((candidate) => name.includes(candidate));
    packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    recorded.push(`${name}@${version}`);
  }
}
const rootFirst = ([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b));
lock.packages = Object.fromEntries(Object.entries(packages).sort(rootFirst));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`recorded ${recorded.length} optional platform packages`);
