/** An append found the stream at another version than the caller expected; nothing was written. */
export class StreamVersionConflictError extends Error {
  override readonly name = 'StreamVersionConflictError';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(
      `Stream ${streamId} is at version ${actualVersion ?? 'unknown'}, the append expected ${expectedVersion}`,
    );
  }
}
