/** What the bucket and object actions ask. Pure. */
import { formatBytes } from '../../lib/byte-size.js';
import { bucketNameProblems } from '../../aws/s3/bucket-names.js';
import type {
  BucketContents,
  BucketPeek,
  BucketRow,
} from '../../aws/s3/types.js';
import type { FormSpec } from '../../lib/form.js';
import type { ConfirmRequest } from '../../safety/confirm.js';
import type { BrowseEntry, BrowsePlace } from './objects-spec.js';

export function makeBucketForm(
  regions: readonly string[],
  region: string,
): FormSpec {
  return {
    title: 'Make a bucket',
    submitLabel: 'Continue',
    fields: [
      {
        name: 'name',
        label: 'Name',
        placeholder: 'e.g. acme-backups-2026',
        hint: 'global across all AWS accounts: a-z, 0-9, dots and hyphens',
        validate: (value) => {
          const problems = bucketNameProblems(value.trim());
          return problems.length === 0
            ? undefined
            : `it ${problems.join('; it ')}`;
        },
      },
      {
        name: 'region',
        label: 'Region',
        kind: 'choice',
        choices: regions.includes(region) ? regions : [region, ...regions],
        initial: region,
      },
    ],
  };
}

export function makeBucketRequest(
  name: string,
  region: string,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Make bucket ${name} in ${region}`,
    targets: [`s3://${name}/`],
    action: 'Make',
  };
}

/**
 * Why X refuses before asking, or undefined for an empty bucket. `purgeKey`
 * is the key that removes a bucket with its contents.
 */
export function notEmptyMessage(
  peek: BucketPeek,
  purgeKey: string,
): string | undefined {
  if (peek.versions + peek.deleteMarkers + peek.uploads === 0) return undefined;
  const parts = [`${peek.objects} objects`];
  if (peek.versions !== peek.objects)
    parts.push(`${peek.versions} versions in all`);
  if (peek.deleteMarkers > 0)
    parts.push(`${peek.deleteMarkers} delete markers`);
  if (peek.uploads > 0) parts.push(`${peek.uploads} pending uploads`);
  return `bucket ${peek.bucket} is not empty: ${peek.more ? 'at least ' : ''}${parts.join(', ')}; ${purgeKey} removes it with everything in it`;
}

/** `unchecked`: why its contents could not be looked at first. */
export function removeBucketRequest(
  row: BucketRow,
  unchecked?: string,
): ConfirmRequest {
  return {
    level: 'typed',
    title: `Remove bucket ${row.name}`,
    targets: [`s3://${row.name}/  ${row.region ?? ''}`],
    warnings: [
      ...(unchecked === undefined
        ? []
        : [`Its contents could not be checked: ${unchecked}`]),
      'Only an empty bucket is removed; F removes one with everything in it. The name becomes free for anyone to take.',
    ],
    expected: row.name,
    action: 'Remove',
  };
}

function contentLines(contents: BucketContents): string[] {
  return [
    `${contents.objects} current objects`,
    ...(contents.versioned
      ? [
          `${contents.versions} versions in all, ${contents.deleteMarkers} delete markers (versioning is on)`,
        ]
      : []),
    `${contents.uploads} unfinished multipart uploads`,
    `${formatBytes(contents.bytes)} in all (${contents.bytes} bytes)`,
  ];
}

export function purgeBucketRequest(contents: BucketContents): ConfirmRequest {
  return {
    level: 'typed',
    title: `Remove ${contents.bucket} and everything in it: this cannot be undone`,
    targets: contentLines(contents),
    warnings: [
      'Every version and delete marker is deleted, every upload aborted, then the bucket. Nothing can bring them back.',
    ],
    expected: contents.bucket,
    action: 'Remove all',
  };
}

export function deleteObjectsRequest(
  place: BrowsePlace,
  entries: readonly BrowseEntry[],
): ConfirmRequest {
  const prefixes = entries.filter((entry) => entry.kind === 'prefix');
  const single = entries.length === 1 && prefixes.length === 0;
  const first = entries[0];
  return {
    // One object is a y/N; a prefix or several keys take typing.
    level: single ? 'yes-no' : 'typed',
    title: single
      ? `Delete s3://${place.bucket}/${first?.key ?? ''}`
      : `Delete ${entries.length} entries${prefixes.length > 0 ? ', with everything under each prefix' : ''}`,
    targets: entries.map(
      (entry) =>
        `${entry.name}${entry.object ? `  ${formatBytes(entry.object.size)}` : '  (everything under it)'}`,
    ),
    warnings: [
      'Without versioning on the bucket a deleted object is gone for good; with it, a delete marker hides it.',
    ],
    ...(single ? {} : { expected: `delete ${entries.length}` }),
    action: 'Delete',
  };
}
