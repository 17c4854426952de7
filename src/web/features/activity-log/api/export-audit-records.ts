import { CORRELATION_ID_HEADER } from '#contracts/common.ts';
import { ApiError, correlationId } from '../../../app/api-client.ts';
import { activityExportUrl, type ActivityQuery } from './get-audit-records.ts';

/**
 * GET /v1/auditrecords/export with the session's cookie: the server streams every record of the query;
 * the bytes are counted as they come (`onProgress`) and the whole file handed back as a Blob to save.
 */
export async function exportAuditRecords(query: ActivityQuery, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(activityExportUrl(query), {
      headers: { Accept: 'text/csv', [CORRELATION_ID_HEADER]: correlationId },
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 0, description: 'The server could not be reached.' });
  }
  if (!response.ok || response.body === null) {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; description?: unknown };
    throw new ApiError({
      status: response.status,
      code: typeof body.code === 'number' ? body.code : 0,
      description: typeof body.description === 'string' ? body.description : response.statusText,
    });
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received);
  }
  return new Blob(chunks, { type: 'text/csv;charset=utf-8' });
}

/** Saves a Blob as a file, as a download link would. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the browser has taken it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
