import type { ClientBase, Connection, Submittable } from 'pg';

/** The part of pg's connection COPY FROM STDIN needs; pg has it, its type declarations leave it out. */
interface CopyConnection extends Connection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** At most this much per CopyData message; PostgreSQL joins them, so a chunk may end mid-character. */
const CHUNK_BYTES = 1 << 20;

/**
 * `COPY <table> (<columns>) FROM STDIN` with rows already in COPY's text format (see copyRow). pg has no
 * COPY of its own (pg-copy-streams is a separate package), but runs any object with `submit`: this sends
 * the statement, answers the server's CopyInResponse with the data, and settles on ReadyForQuery. COPY is
 * several times cheaper for PostgreSQL to take than the same rows as arrays through unnest.
 */
export function copyIn(
  client: ClientBase,
  statement: string,
  rows: string | Buffer,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: Error | null = null;
    const copy: Submittable & Record<string, unknown> = {
      submit: (connection) => connection.query(statement),
      handleCopyInResponse: (connection: CopyConnection) => {
        const data = typeof rows === 'string' ? Buffer.from(rows, 'utf8') : rows;
        for (let start = 0; start < data.length; start += CHUNK_BYTES)
          connection.sendCopyFromChunk(data.subarray(start, start + CHUNK_BYTES));
        connection.endCopyFrom();
      },
      handleError: (error: Error) => {
        failure = error;
        // The server's errors are followed by ReadyForQuery; a dropped connection's are not.
        if (!('severity' in error)) reject(error);
      },
      handleReadyForQuery: () => (failure ? reject(failure) : resolve()),
      handleCommandComplete: () => undefined,
      handleRowDescription: () => undefined,
      handleDataRow: () => undefined,
      handleEmptyQuery: () => undefined,
      handlePortalSuspended: () => undefined,
      handleCopyData: () => undefined,
    };
    client.query(copy);
  });
}

/** One row of COPY text format: tab-separated, `\N` for null, backslash escapes for the few special characters. */
export function copyRow(values: readonly (string | number | null | undefined)[]): string {
  let row = '';
  for (let index = 0; index < values.length; index++) {
    if (index > 0) row += '\t';
    const value = values[index];
    if (value === null || value === undefined) row += '\\N';
    else if (typeof value === 'number') row += String(value);
    else row += SPECIAL.test(value) ? value.replace(SPECIAL_ALL, escapeChar) : value;
  }
  return `${row}\n`;
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(char: string): string {
  return ESCAPES[char];
}
