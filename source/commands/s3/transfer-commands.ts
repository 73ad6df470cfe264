/** `opsdeck s3 sync`: the sync engine with a one-line summary. */
import { formatBytes } from '../../lib/byte-size.js';
import { s3Context } from '../../aws/s3/s3-errors.js';
import { isS3Uri, parseS3Uri } from '../../aws/s3/s3-uri.js';
import { checkLocationBucket } from '../../aws/s3/bucket-names.js';
import type { FilterRule } from '../../s3sync/plan/filters.js';
import { runSync } from '../../s3sync/sync.js';
import { skipParts } from '../../s3sync/skip-kinds.js';
import type {
  SyncEndpoint,
  SyncHooks,
  SyncResult,
  SyncSpec,
} from '../../s3sync/sync-spec.js';
import { copyCostLines } from '../../panes/s3/copy-cost.js';
import { bucketSyncCommand, copyOptions } from './bucket-sync-command.js';
import {
  handoffCommand,
  handoffEngine,
  type HandoffOptions,
} from './handoff-command.js';
import {
  decideForCopy,
  offerText,
  planBucketCopy,
} from './bucket-copy-plan.js';
import {
  isLargeCopy,
  type HandoffDecision,
} from '../../s3sync/handoff/decide.js';
import type { CompareMode } from '../../s3sync/plan-types.js';
import { createUploadJournal } from '../../s3sync/transfer/upload-journal.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  UsageError,
  jsonLine,
  progressReporter,
  type CommandIo,
} from '../command-io.js';
import type { S3Session } from './s3-session.js';

export interface TransferOptions extends HandoffOptions {
  readonly json?: boolean;
  readonly dryrun?: boolean;
  readonly delete?: boolean;
  readonly maxDelete?: number;
  readonly allowEmptySource?: boolean;
  readonly filters?: readonly FilterRule[];
  readonly sizeOnly?: boolean;
  readonly checksum?: boolean;
  readonly exactTimestamps?: boolean;
  readonly concurrency?: number;
  readonly storageClass?: string;
  readonly sse?: string;
  readonly sseKmsKeyId?: string;
}

function endpoint(value: string): SyncEndpoint {
  if (!isS3Uri(value)) return { kind: 'local', path: value };
  const { bucket, key } = parseS3Uri(value);
  checkLocationBucket(bucket);
  return { kind: 's3', bucket, prefix: key };
}

function compareMode(options: TransferOptions): CompareMode {
  const chosen = [
    options.sizeOnly && 'size-only',
    options.checksum && 'checksum',
    options.exactTimestamps && 'exact-timestamps',
  ].filter(Boolean);
  if (chosen.length > 1)
    throw new UsageError(
      `choose one of --size-only, --checksum, --exact-timestamps (got ${chosen.join(', ')})`,
    );
  return (chosen[0] as CompareMode | undefined) ?? 'default';
}

function summaryLine(result: SyncResult): string {
  const verb = result.dryRun ? 'would ' : '';
  const copy = result.direction === 'copy';
  const parts = result.dryRun
    ? [
        ...(copy
          ? [`${verb}copy ${result.planned.copy}`]
          : [
              `${verb}upload ${result.planned.upload}`,
              `download ${result.planned.download}`,
            ]),
        `delete ${result.planned.delete}`,
        `(${formatBytes(result.plannedBytes)})`,
      ]
    : [
        ...(copy
          ? [`copied ${result.copied}`]
          : [`uploaded ${result.uploaded}`, `downloaded ${result.downloaded}`]),
        `deleted ${result.deleted}`,
        `(${formatBytes(result.bytes)})`,
      ];
  parts.push(...skipParts(result.skipped));
  if (result.failedCount > 0) parts.push(`${result.failedCount} failed`);
  if (result.warningCount > 0) parts.push(`${result.warningCount} warnings`);
  if (result.deletesRefused)
    parts.push(`deletes refused: ${result.deletesRefused}`);
  if (result.cancelled) parts.push('cancelled');
  return `${parts.join(', ')} in ${result.seconds.toFixed(1)} s`;
}

export async function syncCommand(
  session: S3Session,
  source: string,
  destination: string,
  options: TransferOptions,
  io: CommandIo,
): Promise<number> {
  const hooks: SyncHooks = {
    signal: io.signal,
    ...(progressReporter(io) ? { onProgress: progressReporter(io) } : {}),
    onPlanned: (item) => {
      if (options.dryrun && item.action !== 'skip' && !options.json)
        io.out(
          `(dryrun) ${item.action}: ${item.rel}${item.action === 'delete' ? '' : ` (${item.reason})`}`,
        );
    },
    onWarning: (rel, message) => io.err(`warning: ${rel}: ${message}`),
    onDone: (item, error) => {
      if (error !== undefined)
        io.err(`failed: ${item.action} ${item.rel}: ${error}`);
    },
  };
  const finish = (result: SyncResult, decision?: HandoffDecision): number => {
    io.progress?.(undefined);
    const target =
      spec.destination.kind === 's3' ? spec.destination : spec.source;
    if (result.leftoverUploadsAborted > 0 && target.kind === 's3')
      io.err(
        `aborted ${result.leftoverUploadsAborted} multipart uploads left by an earlier run in s3://${target.bucket}`,
      );
    if (result.deletesRefused) io.err(`opsdeck: ${result.deletesRefused}`);
    if (result.copyTotals && !options.json)
      for (const line of copyCostLines(result.copyTotals, { arrow: '->' }))
        io.err(line);
    if (decision?.large === true && !options.json)
      for (const line of offerText(decision)) io.err(line);
    if (
      !result.dryRun &&
      result.copyTotals &&
      isLargeCopy(result.copyTotals, session.handoff)
    )
      io.err(
        "note: a copy this large can run on AWS's own engines: --dryrun shows the offers, --handoff batch|datasync hands it over",
      );
    io.out(
      options.json
        ? jsonLine(decision ? { ...result, handoff: decision } : result)
        : summaryLine(result),
    );
    const failed =
      result.failedCount > 0 ||
      result.cancelled ||
      (result.deletesRefused !== undefined && spec.delete === true);
    return failed ? EXIT_FAILED : EXIT_OK;
  };
  const spec: SyncSpec = {
    source: endpoint(source),
    destination: endpoint(destination),
    mode: compareMode(options),
    delete: options.delete === true,
    ...(options.maxDelete === undefined
      ? {}
      : { maxDelete: options.maxDelete }),
    allowEmptySource: options.allowEmptySource === true,
    dryRun: options.dryrun === true,
    filters: options.filters ?? [],
    ...(options.concurrency === undefined
      ? {}
      : { concurrency: options.concurrency }),
  };
  if (spec.source.kind === 's3' && spec.destination.kind === 's3') {
    const copy = copyOptions(options);
    const engine = handoffEngine(options);
    if (engine !== undefined)
      return handoffCommand(session, engine, spec, copy, options, io, hooks);
    if (!spec.dryRun)
      return finish(await bucketSyncCommand(session, spec, copy, hooks));
    const { result, bucketCopy } = await planBucketCopy(
      session,
      spec,
      copy,
      hooks,
    );
    return finish(
      result,
      bucketCopy && (await decideForCopy(session, bucketCopy, io.signal)),
    );
  }
  if (handoffEngine(options) !== undefined)
    throw new UsageError('--handoff copies from one s3:// location to another');
  if (spec.source.kind === spec.destination.kind)
    throw new UsageError(
      'sync goes between a local directory and s3://bucket/prefix, or from one s3:// location to another',
    );

  const client = await session.factory.s3();
  return finish(
    await runSync(
      spec,
      {
        client,
        journal: createUploadJournal(session.journalDir),
        directUploads: !session.readOnly.readOnly,
        context: (operation, bucket, key) =>
          s3Context(session.factory, operation, bucket, key),
      },
      hooks,
    ),
  );
}
