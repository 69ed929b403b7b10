/** One field the API refused, with what is wrong with it (the gateway's `details` of VALIDATION_FAILED). */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/** A refusal or failure from the gateway, as `{statusCode, error, message, details}`; status 0 when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer, a gateway that could not tell, or a reply that never came: the request may have been carried out. */
  get outcomeUnknown(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }

  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (detail): detail is FieldProblem =>
        typeof detail?.field === 'string' && Array.isArray(detail?.problems),
    );
  }
}
