/** A refused business rule: `code` is stable for programs and tests, `message` is for the person at the counter. */
export interface DomainError<TCode extends string = string> {
  code: TCode;
  message: string;
}
