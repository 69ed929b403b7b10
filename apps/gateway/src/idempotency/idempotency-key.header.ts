import type { ApiHeaderOptions } from '@nestjs/swagger';

/** OpenAPI description of the header every write requires. */
export const IDEMPOTENCY_KEY_HEADER: ApiHeaderOptions = {
  name: 'Idempotency-Key',
  required: true,
  description:
    'A new unique value (e.g. a UUID) per intended request. Sending the same key and body again returns the first ' +
    'response and moves no money; the same key with a different body is refused with 422; missing gives 400. ' +
    'After a 503 OUTCOME_UNKNOWN, retry with the same key.',
};
