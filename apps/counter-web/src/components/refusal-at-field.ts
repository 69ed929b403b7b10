import { ApiError } from '../api/api-error';
import { fieldErrorsOf } from '../api/describe-error';
import { t, type MessageKey } from '../i18n/i18n';

/** A refusal code the form explains at one of its fields, in its own words. */
export interface CodeAtField<F extends string> {
  field: F;
  message: MessageKey;
}

/**
 * useKeyedSubmit's onRefused for a form whose refusals belong under its fields: a refusal code the form knows
 * goes to its field, else the API's field problems go to the fields the form has. Answers false when no field
 * explains it, so ActionFailure shows it instead.
 */
export function refusalAtField<F extends string>(
  setErrors: (errors: Partial<Record<NoInfer<F>, string>>) => void,
  byCode: Readonly<Record<string, CodeAtField<NoInfer<F>>>>,
  byField: Record<F, MessageKey>,
): (error: unknown) => boolean {
  return (error) => {
    if (error instanceof ApiError && Object.prototype.hasOwnProperty.call(byCode, error.code)) {
      const { field, message } = byCode[error.code];
      setErrors({ [field]: t(message) } as Partial<Record<F, string>>);
      return true;
    }
    const errors = fieldErrorsOf(error, byField);
    if (Object.keys(errors).length === 0) return false;
    setErrors(errors);
    return true;
  };
}
