/** The part of a Node HTTP response an export writes to. */
export interface ExportSink {
  setHeader(name: string, value: string): unknown;
  write(chunk: string): boolean;
  end(): unknown;
  destroy(error?: Error): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  readonly destroyed: boolean;
}

/** An export far above a city's year of events is cut off as a failed transfer, never as a short file. */
export const MAX_EXPORT_ROWS = 20_000_000;

export interface ExportPages {
  /** The next page of lines, or null at the end; each call moves on. */
  next(): Promise<string[] | null>;
}

/**
 * Writes an export page by page, waiting for the client to drain, stopping when it goes away. A failure once
 * lines were sent ends the connection without the closing chunk, so the client sees a broken transfer
 * instead of a file that merely looks complete.
 */
export async function streamExport(
  sink: ExportSink,
  contentType: string,
  fileName: string,
  header: string,
  pages: ExportPages,
): Promise<void> {
  sink.setHeader('content-type', contentType);
  sink.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  sink.setHeader('cache-control', 'no-store');
  let rows = 0;
  try {
    if (header) await write(sink, header);
    for (
      let lines = await pages.next();
      lines !== null && !sink.destroyed;
      lines = await pages.next()
    ) {
      rows += lines.length;
      if (rows > MAX_EXPORT_ROWS)
        throw new Error(`export larger than ${MAX_EXPORT_ROWS} rows; narrow the date range`);
      if (lines.length > 0) await write(sink, lines.join(''));
    }
    sink.end();
  } catch (error) {
    sink.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

function write(sink: ExportSink, chunk: string): Promise<void> {
  if (sink.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    let settled = false;
    const done = (): void => {
      if (!settled) resolve();
      settled = true;
    };
    sink.once('drain', done);
    sink.once('close', done);
  });
}
