import { ApiError } from '../../../api/api-error';
import { endSession, refreshSession, session } from '../../../session/session';

export interface Downloaded {
  blob: Blob;
  fileName: string;
}

/**
 * A file from the audit API, fetched with the session's bearer token (a plain link would carry none), as a
 * Blob; refusals come back as ApiError like every other call, so the screen describes them in words. A 401 is
 * retried once after a refresh, as the API client does.
 */
export async function fetchAuditFile(
  path: string,
  query: Record<string, string | undefined>,
  fallbackName: string,
  signal?: AbortSignal,
  retried = false,
): Promise<Downloaded> {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query)) if (value) url.searchParams.set(name, value);
  const token = session.value?.accessToken;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'no answer from the gateway');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as {
      error?: string;
      message?: string;
      details?: unknown;
    };
    if (response.status === 401 && token) {
      if (!retried && (await refreshSession()))
        return fetchAuditFile(path, query, fallbackName, signal, true);
      endSession('expired');
    }
    throw new ApiError(
      response.status,
      body.error ?? `HTTP_${response.status}`,
      body.message ?? response.statusText,
      body.details ?? null,
    );
  }
  const named = /filename="?([^";]+)"?/.exec(
    response.headers.get('content-disposition') ?? '',
  )?.[1];
  return { blob: await response.blob(), fileName: named ?? fallbackName };
}

/** Hands the file to the browser's downloads through an object URL, released once the click has taken it. */
export function saveFile({ blob, fileName }: Downloaded): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
