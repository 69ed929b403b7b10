/** The body of every error the gateway answers, whatever raised it. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: unknown;
}

/** One field that failed validation and everything wrong with it. */
export interface FieldProblem {
  field: string;
  problems: string[];
}
