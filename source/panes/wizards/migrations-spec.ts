/**
 * The `:migrations` pane: runs of the region-copy wizard from the journal
 * directory, newest first, and a run's summary as detail sections. Pure
 * apart from the load, which reads the journals through the service.
 */
import { formatAge, formatTime } from '../ec2/ec2-format.js';
import type { EbsCopyService } from '../../wizards/ebs-copy/console-service.js';
import { KIND_LABELS } from '../../wizards/ebs-copy/views/wizard-view.js';
import type { DetailSection, Tone } from '../../lib/view-types.js';
import type { TablePaneSpec } from '../../table/table-spec.js';
import type {
  ListedRunState,
  RunListing,
  RunSummary,
} from '../../wizards/ebs-copy/run-types.js';

function runStateTone(state: ListedRunState): Tone | undefined {
  switch (state) {
    case 'done':
      return 'ok';
    case 'failed':
      return 'error';
    case 'running':
      return 'accent';
    case 'cancelled':
    case 'interrupted':
    case 'planned':
      return 'warn';
  }
}

export const migrationsSpec: TablePaneSpec<
  RunListing,
  { readonly ebsCopy: EbsCopyService }
> = {
  name: 'migrations',
  columns: [
    { id: 'run', title: 'RUN', value: (row) => row.runId, min: 19 },
    {
      id: 'state',
      title: 'STATE',
      value: (row) => row.state,
      tone: (row) => runStateTone(row.state),
      min: 9,
    },
    {
      id: 'source',
      title: 'SOURCE',
      // The ID says the kind (i-, vol-, snap-, ami-); the detail view says it in words.
      value: (row) => row.source.id,
      min: 21,
    },
    {
      id: 'from',
      title: 'FROM',
      value: (row) => row.source.region,
      min: 9,
      priority: 3,
    },
    // Where the copy goes matters more than where it came from on a narrow terminal.
    {
      id: 'to',
      title: 'TO',
      value: (row) => row.targetRegion,
      min: 9,
      priority: 1,
    },
    {
      id: 'steps',
      title: 'STEPS',
      value: (row) => `${row.stepsDone}/${row.stepsTotal}`,
      sortValue: (row) => row.stepsDone / Math.max(1, row.stepsTotal),
      align: 'right',
      min: 5,
      priority: 2,
    },
    {
      id: 'age',
      title: 'AGE',
      value: (row) => formatAge(new Date(row.updatedAt)),
      sortValue: (row) => row.updatedAt,
      align: 'right',
      min: 3,
      priority: 4,
    },
  ],
  rowId: (row) => row.runId,
  describe: (row) => [
    {
      title: 'Run',
      rows: [
        ['Run ID', row.runId],
        ['State', row.state],
        ['Source', `${KIND_LABELS[row.source.kind]} ${row.source.id}`],
        ['From', row.source.region],
        ['To', row.targetRegion],
        ['Steps done', `${row.stepsDone} of ${row.stepsTotal}`],
        ['Updated', formatTime(new Date(row.updatedAt))],
        ...(row.error === undefined ? [] : [['Error', row.error] as const]),
      ],
    },
  ],
  async load(services) {
    return { rows: await services.ebsCopy.runs() };
  },
  transitional: (row) => row.state === 'running',
};

/** The run's listing, then what exists, what is left, and notes. */
export function summarySections(
  row: RunListing,
  summary: RunSummary,
): DetailSection[] {
  const resources = (list: RunSummary['target']) =>
    list.map(
      (resource) =>
        [resource.type, `${resource.id} in ${resource.region}`] as const,
    );
  const sections: DetailSection[] = [...(migrationsSpec.describe(row) ?? [])];
  sections.push({
    title: `Now in ${row.targetRegion}`,
    rows:
      summary.target.length === 0
        ? [['', 'nothing yet']]
        : resources(summary.target),
  });
  if (summary.leftovers.length > 0)
    sections.push({
      title: 'Left behind (x removes, asking for each)',
      rows: resources(summary.leftovers),
    });
  const notes = [
    ...summary.notes.filter((note) => !/--resume/.test(note)),
    ...(row.state === 'done'
      ? []
      : [
          `r resumes the run: done steps are skipped, nothing is created twice`,
        ]),
  ];
  if (notes.length > 0)
    sections.push({
      title: 'Notes',
      rows: notes.map((note) => ['', note] as const),
    });
  return sections;
}
