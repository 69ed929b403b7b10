const NAMESPACE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * A prefix for every topic and consumer group of one run of the suite (KAFKA_NAMESPACE): test harnesses and
 * benchmarks set a unique one, so two runs on one broker never take each other's commands; `npm start` and
 * production leave it unset and use the plain names. Read once, when the process loads.
 */
// Through globalThis: the counter app's build reads these contracts' types too, and has no Node `process`.
export const KAFKA_NAMESPACE = readNamespace(
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
    .KAFKA_NAMESPACE,
);

function readNamespace(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  if (!NAMESPACE_PATTERN.test(value)) {
    throw new Error(
      `KAFKA_NAMESPACE must be 1-40 lower-case letters, digits or dashes, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** A topic or consumer group name in this process's namespace. */
export function namespaced(name: string): string {
  return KAFKA_NAMESPACE ? `${KAFKA_NAMESPACE}.${name}` : name;
}
