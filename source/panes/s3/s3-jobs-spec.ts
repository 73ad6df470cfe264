/**
 * The `:s3-jobs` pane: copies handed to S3 Batch Operations and DataSync,
 * with their status, progress, and the failure report's first rows.
 */
import { formatBytes } from '../../lib/byte-size.js';
import type {
  CopyJob,
  FailureRow,
  S3JobsService,
} from '../../aws/s3jobs/types.js';
import type { DetailSection, Tone } from '../../lib/view-types.js';
import type { TablePaneSpec } from '../../table/table-spec.js';
import { ageColumn, formatTime } from '../ec2/ec2-format.js';

export interface CopyJobRow extends CopyJob {
  readonly failureRows: readonly FailureRow[];
}

/** Failure rows are read for the newest jobs with failures only: one report each. */
const JOBS_WITH_REPORTS = 5;
const FAILURE_ROWS = 5;

const ENGINE_NAMES = { batch: 'Batch Operations', datasync: 'DataSync' };

/** "500,000/2,000,000 · 12 failed" */
export function jobProgress(job: CopyJob, dot = '·'): string {
  const count = (value: number | undefined) =>
    value === undefined ? '?' : value.toLocaleString('en-US');
  const done =
    job.succeeded === undefined && job.total === undefined
      ? '-'
      : `${count(job.succeeded)}/${count(job.total)}`;
  return job.failed === undefined || job.failed === 0
    ? done
    : `${done} ${dot} ${count(job.failed)} failed`;
}

function tone(job: CopyJob): Tone | undefined {
  if (job.phase === 'failed') return 'error';
  if (job.phase === 'active') return 'info';
  if ((job.failed ?? 0) > 0) return 'warn';
  return job.phase === 'done' ? 'ok' : 'muted';
}

export function describeCopyJob(
  job: CopyJob,
  failures: readonly FailureRow[],
  dot = '·',
): DetailSection[] {
  const rows: [string, string][] = [
    ['Engine', ENGINE_NAMES[job.engine]],
    ['ID', job.id],
    ['Status', job.status],
    ['Region', job.region],
    ['Created', formatTime(job.created)],
    ['Tasks', jobProgress(job, dot)],
  ];
  if (job.bytesDone !== undefined)
    rows.push([
      'Bytes',
      `${formatBytes(job.bytesDone)}${job.bytesTotal === undefined ? '' : `/${formatBytes(job.bytesTotal)}`}`,
    ]);
  if (job.report !== undefined)
    rows.push(['Report', `s3://${job.report.bucket}/${job.report.prefix}`]);
  for (const reason of job.failureReasons) rows.push(['Failure', reason]);
  const sections: DetailSection[] = [{ title: job.name || job.id, rows }];
  if (failures.length > 0)
    sections.push({
      title: `First failed objects (${failures.length})`,
      rows: failures.map(
        (failure) =>
          [failure.key, `${failure.code} ${failure.message}`.trim()] as const,
      ),
    });
  return sections;
}

/** `dot`: the console's glyph, which follows --ascii. */
export function s3JobsSpec(
  dot = '·',
): TablePaneSpec<CopyJobRow, { readonly s3Jobs: S3JobsService }> {
  return {
    name: 's3-jobs',
    columns: [
      {
        id: 'engine',
        title: 'ENGINE',
        value: (row) => (row.engine === 'batch' ? 'batch' : 'datasync'),
        min: 8,
        max: 8,
      },
      {
        id: 'status',
        title: 'STATUS',
        value: (row) => row.status,
        tone,
        min: 8,
        max: 12,
      },
      {
        id: 'progress',
        title: 'TASKS OK/ALL',
        value: (row) => jobProgress(row, dot),
        min: 10,
        max: 30,
      },
      { id: 'name', title: 'NAME', value: (row) => row.name, min: 12, grow: 1 },
      ageColumn('age', (row) => row.created, 3),
      {
        id: 'id',
        title: 'ID',
        value: (row) => row.id,
        min: 10,
        max: 24,
        priority: 4,
      },
    ],
    rowId: (row) => row.id,
    describe: (row) => describeCopyJob(row, row.failureRows, dot),
    transitional: (row) => row.phase === 'active',
    async load(services, _cursor, signal) {
      const list = await services.s3Jobs.list(signal);
      const reported = new Set(
        list.jobs
          .filter(
            (job) => (job.failed ?? 0) > 0 || job.failureReasons.length > 0,
          )
          .slice(0, JOBS_WITH_REPORTS)
          .map((job) => job.id),
      );
      const rows = await Promise.all(
        list.jobs.map(async (job) => ({
          ...job,
          failureRows: reported.has(job.id)
            ? await services.s3Jobs
                .failures(job, FAILURE_ROWS, signal)
                .catch(() => [])
            : [],
        })),
      );
      return { rows, note: list.note };
    },
  };
}
