/** What the server view and the query console ask before they act. Pure. */
import type { ProcessRow } from '../../mysql/admin/server-status.js';
import type { FormSpec } from '../../lib/form.js';
import type { ConfirmRequest } from '../../safety/confirm.js';

/** What to kill of the selected process: the title names it, so a wrong row shows. */
export function killForm(process: ProcessRow): FormSpec {
  return {
    title: `Kill what of process ${process.id} (${process.user}@${process.host})`,
    submitLabel: 'Next',
    fields: [
      {
        name: 'what',
        label: 'Kill',
        kind: 'choice',
        choices: ['query', 'connection'],
      },
    ],
  };
}

export function killRequest(
  process: ProcessRow,
  what: 'query' | 'connection',
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Kill the ${what} of process ${process.id}`,
    targets: [
      `${process.id} ${process.user}@${process.host} ${process.info ?? process.command}`,
    ],
    warnings:
      what === 'connection'
        ? ['The client is disconnected; an open transaction is rolled back.']
        : ['The running statement stops; the client stays connected.'],
    action: 'Kill',
  };
}

export function consoleWriteRequest(sql: string): ConfirmRequest {
  return {
    level: 'yes-no',
    title: 'Run a statement that writes',
    targets: sql.split('\n').slice(0, 8),
    action: 'Run',
  };
}
