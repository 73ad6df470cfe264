/** What the object browser asks: where a download goes, what to upload. Pure. */
import { formatBytes } from '../../lib/byte-size.js';
import type { ObjectDetail } from '../../aws/s3/types.js';
import type { PutTargets } from '../../s3sync/transfer/put-targets.js';
import type { ConfirmRequest } from '../../safety/confirm.js';
import { completePath } from '../../lib/path-completion.js';
import type { FormSpec } from '../../lib/form.js';
import { formatTime } from '../ec2/ec2-format.js';
import type { DetailSection } from '../../lib/view-types.js';

export function downloadForm(what: string, cwd: string): FormSpec {
  return {
    title: `Download ${what}`,
    submitLabel: 'Download',
    fields: [
      {
        name: 'dir',
        label: 'To directory',
        initial: cwd,
        hint: 'Tab completes; created when missing; files land under a temporary name, then are renamed',
        complete: (value) => completePath(value),
        validate: (value) =>
          value.trim() === '' ? 'a directory on this machine' : undefined,
      },
    ],
  };
}

export function uploadForm(where: string): FormSpec {
  return {
    title: `Upload to ${where}`,
    submitLabel: 'Upload',
    fields: [
      {
        name: 'path',
        label: 'File or dir',
        placeholder: '/var/log/app.log or ~/site',
        hint: 'Tab completes; a directory goes up whole, under its own name',
        complete: (value) => completePath(value),
        validate: (value) =>
          value.trim() === ''
            ? 'a file or directory on this machine'
            : undefined,
      },
    ],
  };
}

/**
 * Asked before an upload that replaces objects (or may: `unchecked`): each
 * one with its size and date, keys shown below `prefix`, and how many.
 */
export function replaceRequest(
  path: string,
  where: string,
  prefix: string,
  targets: PutTargets,
): ConfirmRequest {
  const count = targets.replacedCount;
  const unlisted = count - targets.replaced.length;
  return {
    level: 'yes-no',
    title:
      count > 0
        ? `Upload ${path}: replaces ${count} object${count === 1 ? '' : 's'} in ${where}`
        : `Upload ${path} to ${where}`,
    targets: [
      ...targets.replaced.map(
        (object) =>
          `replaces ${object.key.slice(prefix.length)}  ${formatBytes(object.size)}  ${formatTime(object.modified)}`,
      ),
      ...(unlisted > 0 ? [`and ${unlisted} more`] : []),
      ...(targets.added > 0 ? [`${targets.added} new`] : []),
    ],
    warnings: [
      ...(targets.unchecked === undefined
        ? []
        : [`What is there could not be checked: ${targets.unchecked}`]),
      'Without versioning on the bucket a replaced object is gone for good; with it, the old one stays as a noncurrent version.',
    ],
    action: 'Upload',
  };
}

export function objectDetailSections(detail: ObjectDetail): DetailSection[] {
  return [
    {
      title: `s3://${detail.bucket}/${detail.key}`,
      rows: [
        ['Size', `${formatBytes(detail.size)} (${detail.size} bytes)`],
        ['Modified', formatTime(detail.modified)],
        ['Content type', detail.contentType ?? '-'],
        ['Storage class', detail.storageClass ?? 'STANDARD'],
        ['ETag', detail.etag ?? '-'],
        ['Version', detail.versionId ?? '(not versioned)'],
      ],
    },
    {
      title: 'Metadata',
      rows:
        Object.keys(detail.metadata).length > 0
          ? Object.entries(detail.metadata)
          : [['(none)', '']],
    },
    {
      title: 'Tags',
      rows:
        detail.tags === undefined
          ? [['(could not be read)', '']]
          : Object.keys(detail.tags).length > 0
            ? Object.entries(detail.tags)
            : [['(none)', '']],
    },
    {
      title: `Versions${detail.moreVersions ? ' (newest page only)' : ''}`,
      rows:
        detail.versions.length > 0
          ? detail.versions.map(
              (version) =>
                [
                  version.versionId,
                  `${version.deleteMarker ? 'delete marker' : formatBytes(version.size)}  ${formatTime(version.modified)}${version.isLatest ? '  latest' : ''}`,
                ] as const,
            )
          : [['(none)', '']],
    },
  ];
}
