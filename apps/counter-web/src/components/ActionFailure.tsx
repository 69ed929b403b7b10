import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import { ErrorMessage } from './ErrorMessage';
import { UnknownOutcome } from './UnknownOutcome';

interface ActionFailureProps {
  failure: unknown;
  /** The refusal in the screen's own words; describeError's by default. */
  message?: string | null;
  checking: boolean;
  onCheckAgain: () => void;
}

/**
 * What became of an action that did not succeed: an outcome nobody could tell offers only to ask again with the
 * same Idempotency-Key; a refusal says why.
 */
export function ActionFailure({ failure, message, checking, onCheckAgain }: ActionFailureProps) {
  if (failure instanceof ApiError && failure.outcomeUnknown) {
    return <UnknownOutcome checking={checking} onCheckAgain={onCheckAgain} />;
  }
  const text = message !== undefined ? message : failure ? describeError(failure) : null;
  return <ErrorMessage message={text} />;
}
