import type { ProfileLister, ProfileRow } from '../../aws/profiles.js';
import type { TablePaneSpec } from '../../table/table-spec.js';

export interface ProfileServices {
  readonly profiles: ProfileLister;
  /** Profiles that the config file marks read-only. */
  readonly readOnlyProfiles: ReadonlySet<string>;
  /** The profile this session runs on ("default" when none was named). */
  readonly active: string;
}

export interface ProfileTableRow extends ProfileRow {
  readonly readOnly: boolean;
  readonly active: boolean;
}

/** "in use, read-only": how opsdeck treats the profile. */
function modeOf(row: ProfileTableRow): string {
  return [row.active ? 'in use' : '', row.readOnly ? 'read-only' : '']
    .filter(Boolean)
    .join(', ');
}

export const profilesSpec: TablePaneSpec<ProfileTableRow, ProfileServices> = {
  name: 'profiles',
  columns: [
    {
      id: 'profile',
      title: 'PROFILE',
      value: (row) => row.name,
      min: 8,
      grow: 1,
      growMax: 32,
    },
    { id: 'kind', title: 'KIND', value: (row) => row.kind, min: 4 },
    {
      id: 'region',
      title: 'REGION',
      value: (row) => row.region,
      min: 9,
      priority: 2,
    },
    {
      id: 'mode',
      title: 'MODE',
      value: modeOf,
      tone: (row) => (row.readOnly ? 'warn' : row.active ? 'ok' : undefined),
      min: 6,
      priority: 1,
    },
    {
      id: 'source',
      title: 'SOURCE',
      value: (row) => row.source,
      grow: 2,
      min: 10,
      priority: 3,
    },
  ],
  rowId: (row) => row.name,
  describe: (row) => [
    {
      title: `profile ${row.name}`,
      rows: [
        ['Profile', row.name],
        ['Credentials', row.kind],
        ['Source', row.source || '(none)'],
        ['Region', row.region || '(not set)'],
        ['Defined in', row.files],
        [
          'opsdeck mode',
          row.readOnly ? 'read-only (config file)' : 'read-write',
        ],
        ['In use', row.active ? 'yes: this session runs on it' : 'no'],
      ],
    },
  ],
  async load(services) {
    const rows = await services.profiles.listProfiles();
    const note =
      rows.length === 0
        ? 'no profiles in ~/.aws/config or ~/.aws/credentials'
        : undefined;
    return {
      rows: rows.map((row) => ({
        ...row,
        readOnly: services.readOnlyProfiles.has(row.name),
        active: row.name === services.active,
      })),
      note,
    };
  },
};
