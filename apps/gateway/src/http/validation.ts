import {
  HttpStatus,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import type { FieldProblem } from './api-error-body.js';
import { ApiException } from './api-exception.js';
import { findUnsafeText } from './unsafe-text.js';

/**
 * Refuses unknown fields instead of dropping them silently, and names every bad field in `details`. Before any
 * DTO rule, every string of a body, query or path parameter is checked for control and bidi characters
 * (unsafe-text.ts): one check for every field, present and future.
 */
class GatewayValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const unsafe = findUnsafeText(value, metadata.data ?? '');
      if (unsafe) {
        const field = unsafe.field || metadata.type;
        throw new ApiException(
          HttpStatus.BAD_REQUEST,
          'VALIDATION_FAILED',
          `Invalid request: check ${field}`,
          [
            {
              field,
              problems: [
                `${field} must not hold control or bidirectional-override characters (found ${unsafe.codePoint})`,
              ],
            },
          ],
        );
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new GatewayValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Nest builds the message list itself unless errors are handed over whole.
    exceptionFactory: (errors) => validationException(errors),
  });
}

export function validationException(errors: ValidationError[]): ApiException {
  const details = fieldProblems(errors);
  const fields = details.map(({ field }) => field).join(', ');
  return new ApiException(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `Invalid request: check ${fields}`,
    details,
  );
}

const MAX_DEPTH = 5;

/** Flattens class-validator's tree into `periods.0`-style field paths. */
export function fieldProblems(errors: ValidationError[], parent = '', depth = 0): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) problems.push({ field, problems: messages });
    if (error.children?.length && depth < MAX_DEPTH)
      problems.push(...fieldProblems(error.children, field, depth + 1));
  }
  return problems;
}
