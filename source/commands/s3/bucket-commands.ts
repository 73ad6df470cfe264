/** `opsdeck s3 ls`, `mb`, `rb [--force]`. */
import { formatBytes } from '../../lib/byte-size.js';
import {
  describeContents,
  describePurgeFailure,
} from '../../aws/s3/bucket-purge.js';
import { parseS3Uri } from '../../aws/s3/s3-uri.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  jsonLine,
  type CommandIo,
} from '../command-io.js';
import type { S3Session } from './s3-session.js';

const stamp = (date: Date | undefined) =>
  date === undefined
    ? '                   '
    : date.toISOString().slice(0, 19).replace('T', ' ');

export async function lsCommand(
  session: S3Session,
  uri: string | undefined,
  options: { json?: boolean; recursive?: boolean },
  io: CommandIo,
): Promise<number> {
  if (uri === undefined) {
    const buckets = await session.service.listBuckets(io.signal);
    for (const bucket of buckets)
      io.out(
        options.json
          ? jsonLine({
              name: bucket.name,
              region: bucket.region ?? null,
              created: bucket.created?.toISOString() ?? null,
            })
          : `${stamp(bucket.created)}  ${(bucket.region ?? '?').padEnd(14)}  ${bucket.name}`,
      );
    return EXIT_OK;
  }
  const { bucket, key } = parseS3Uri(uri);
  let cursor: string | undefined;
  // Each page is printed as it arrives: the first lines come at once.
  do {
    const page = await session.service.listObjects(
      bucket,
      {
        prefix: key,
        ...(options.recursive ? {} : { delimiter: '/' }),
        ...(cursor === undefined ? {} : { cursor }),
      },
      io.signal,
    );
    for (const prefix of page.prefixes)
      io.out(
        options.json
          ? jsonLine({ prefix })
          : `${''.padStart(19)}  ${'PRE'.padStart(10)}  ${prefix}`,
      );
    for (const object of page.objects)
      io.out(
        options.json
          ? jsonLine({
              key: object.key,
              size: object.size,
              modified: object.modified?.toISOString() ?? null,
              storageClass: object.storageClass ?? null,
              etag: object.etag ?? null,
            })
          : `${stamp(object.modified)}  ${String(object.size).padStart(10)}  ${object.key}`,
      );
    cursor = page.next;
  } while (cursor !== undefined);
  return EXIT_OK;
}

export async function mbCommand(
  session: S3Session,
  uri: string,
  options: { json?: boolean },
  io: CommandIo,
): Promise<number> {
  const { bucket, key } = parseS3Uri(uri);
  if (key !== '') {
    io.err('opsdeck: mb takes a bucket, not a key: s3://bucket');
    return EXIT_USAGE;
  }
  await session.service.makeBucket(bucket, session.region);
  io.out(
    options.json
      ? jsonLine({ bucket, region: session.region, created: true })
      : `make_bucket: ${bucket} (${session.region})`,
  );
  return EXIT_OK;
}

export async function rbCommand(
  session: S3Session,
  uri: string,
  options: { json?: boolean; force?: boolean; yes?: boolean },
  io: CommandIo,
): Promise<number> {
  const { bucket, key } = parseS3Uri(uri);
  if (key !== '') {
    io.err('opsdeck: rb takes a bucket, not a key: s3://bucket');
    return EXIT_USAGE;
  }
  if (!options.force) {
    await session.service.removeBucket(bucket, io.signal);
    io.out(
      options.json
        ? jsonLine({ bucket, removed: true })
        : `remove_bucket: ${bucket}`,
    );
    return EXIT_OK;
  }
  const contents = await session.service.bucketContents(bucket, io.signal);
  io.err(
    `rb --force s3://${bucket} removes ${describeContents(contents)}, then the bucket.`,
  );
  if (!options.yes) {
    if (!io.interactive) {
      io.err(
        'opsdeck: rb --force needs a typed confirmation; without a terminal pass --yes to confirm.',
      );
      return EXIT_USAGE;
    }
    const typed = await io.prompt(
      `Type the bucket name (${bucket}) to confirm: `,
    );
    if (typed.trim() !== bucket) {
      io.err('opsdeck: the name did not match; nothing was deleted.');
      return EXIT_FAILED;
    }
  }
  const result = await session.service.purgeBucket(
    bucket,
    io.signal,
    (progress) =>
      io.progress?.(
        `deleted ${progress.deleted}${progress.total === undefined ? '' : `/${progress.total}`} versions, aborted ${progress.uploadsAborted} uploads`,
      ),
  );
  io.progress?.(undefined);
  if (options.json) io.out(jsonLine({ bucket, ...result }));
  if (!result.bucketRemoved) {
    io.err(`opsdeck: ${describePurgeFailure(bucket, result)}`);
    return EXIT_FAILED;
  }
  if (!options.json)
    io.out(
      `remove_bucket: ${bucket} (deleted ${result.deleted} versions and delete markers, ${formatBytes(result.bytesDeleted)}; aborted ${result.uploadsAborted} uploads)`,
    );
  return EXIT_OK;
}
