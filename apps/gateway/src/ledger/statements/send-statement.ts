import type { MembersQueries } from '../../queries/query-clients.js';
import { STATEMENT_PAGE_POLICY, statementCsv, statementHtml } from './statement-export.js';
import type { StatementTable } from './statement-table.js';

export interface FileResponse {
  type(contentType: string): void;
  header(name: string, value: string): void;
}

/** A statement as a CSV download or as its A4 page under the page's own CSP, headed with the koperasi's name. */
export async function sendStatement(
  members: MembersQueries,
  koperasiId: string,
  table: StatementTable,
  file: { name: string; format: 'csv' | 'html' },
  response: FileResponse,
): Promise<string> {
  const header = {
    koperasiName: await koperasiName(members, koperasiId),
    printedAt: new Date().toISOString(),
  };
  if (file.format === 'csv') {
    response.type('text/csv; charset=utf-8');
    response.header('Content-Disposition', `attachment; filename="${file.name}.csv"`);
    return statementCsv(table, header);
  }
  response.type('text/html; charset=utf-8');
  response.header('Content-Security-Policy', STATEMENT_PAGE_POLICY);
  return statementHtml(table, header);
}

/** The name printed at the top; the statement still prints if the members service does not answer. */
async function koperasiName(members: MembersQueries, koperasiId: string): Promise<string> {
  try {
    return (await members.koperasi(koperasiId)).name;
  } catch {
    return koperasiId;
  }
}
