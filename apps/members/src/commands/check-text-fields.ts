import type { CommandReply } from '@koperasi/contracts';
import { badField } from '@koperasi/service-kit';

export interface TextFieldRule {
  required: boolean;
  maxLength: number;
}

/** The first text field of `payload` that is missing, not a string, blank or too long, as a 400 reply. */
export function checkTextFields(
  payload: object,
  rules: Record<string, TextFieldRule>,
): CommandReply<never> | null {
  const values = payload as Record<string, unknown>;
  for (const [field, rule] of Object.entries(rules)) {
    const value = values[field];
    if (value === undefined || value === null) {
      if (rule.required) return badField(field, 'is required');
      continue;
    }
    if (typeof value !== 'string') return badField(field, 'must be text');
    if (rule.required && value.trim() === '') return badField(field, 'must not be blank');
    if (value.length > rule.maxLength)
      return badField(field, `must be at most ${rule.maxLength} characters`);
  }
  return null;
}
