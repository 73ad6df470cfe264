import type { RegionRow } from '../../aws/regions.js';
import { plainLetters, type Charset } from '../../lib/charset.js';
import type { SessionServices } from '../../session/session.js';
import type { Tone } from '../../lib/view-types.js';
import type { TablePaneSpec } from '../../table/table-spec.js';

function optInTone(row: RegionRow): Tone | undefined {
  if (row.optIn === 'not-opted-in') return 'muted';
  if (row.optIn === 'unknown') return 'warn';
  return undefined;
}

/**
 * The regions pane, the session's region marked in use; its built-in names
 * in plain letters under --ascii (Sao Paulo).
 */
export function regionsSpec(
  chars: Charset,
  current: string,
): TablePaneSpec<RegionRow, Pick<SessionServices, 'regions'>> {
  return {
    name: 'regions',
    columns: [
      { id: 'region', title: 'REGION', value: (row) => row.code, min: 9 },
      {
        id: 'use',
        title: 'IN USE',
        value: (row) => (row.code === current ? 'yes' : ''),
        tone: (row) => (row.code === current ? 'ok' : undefined),
        min: 6,
        max: 6,
        priority: 1,
      },
      {
        id: 'name',
        title: 'NAME',
        value: (row) => row.name,
        grow: 1,
        growMax: 32,
        min: 8,
        priority: 2,
      },
      {
        id: 'status',
        title: 'OPT-IN',
        value: (row) => row.optIn,
        tone: optInTone,
        min: 7,
        priority: 1,
      },
      {
        id: 'endpoint',
        title: 'ENDPOINT',
        value: (row) => row.endpoint,
        grow: 1,
        growMax: 48,
        min: 10,
        priority: 3,
      },
    ],
    rowId: (row) => row.code,
    describe: (row) => [
      {
        title: row.code,
        rows: [
          ['Region', row.code],
          ['Name', row.name || '(not in the built-in list)'],
          ['Opt-in status', row.optIn],
          [
            'In use',
            row.code === current ? 'yes: this session runs in it' : 'no',
          ],
          ['EC2 endpoint', row.endpoint],
        ],
      },
    ],
    async load(services, _cursor, signal) {
      const list = await services.regions.listRegions(signal);
      return {
        rows: list.rows.map((row) => ({
          ...row,
          name: plainLetters(row.name, chars),
        })),
        note:
          list.fallbackReason === undefined
            ? undefined
            : `built-in list: ${list.fallbackReason}`,
      };
    },
  };
}
