import { runAuditCommand } from './audit/cli/run-audit-command.js';

/**
 * The auditors' command line, a second entry point of the ledger app (the ledger owns replay and
 * verification): `npm run audit -- verify|replay|export|shu [options]`.
 */
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
runAuditCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`audit: failed: ${String(error)}\n`);
    process.exitCode = 3;
  },
);
