/**
 * The requests a sync sends around the SDK, each only where it is safe: the
 * listing pages, small GETs when downloading, small PUTs when uploading and
 * the caller has checked that writes are allowed (the SDK's middleware is
 * what enforces read-only mode). A dry run only lists.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { SyncSpec } from '../sync-spec.js';
import {
  createDirectLister,
  type DirectLister,
} from '../../aws/s3/direct-list.js';
import {
  createDirectGetter,
  type DirectGetter,
} from '../../aws/s3/direct-get.js';
import {
  createDirectPutter,
  type DirectPutter,
} from '../../aws/s3/direct-put.js';

export interface DirectRequests {
  readonly list: DirectLister | undefined;
  readonly get: DirectGetter | undefined;
  readonly put: DirectPutter | undefined;
  close(): void;
}

export async function openDirectRequests(
  client: S3Client,
  spec: Pick<SyncSpec, 'source' | 'destination' | 'dryRun'>,
  writable: boolean,
): Promise<DirectRequests> {
  const { source, destination } = spec;
  const dryRun = spec.dryRun === true;
  const direction =
    source.kind === 'local' && destination.kind === 's3'
      ? 'up'
      : source.kind === 's3' && destination.kind === 'local'
        ? 'down'
        : undefined;
  const get =
    !dryRun && direction === 'down'
      ? await createDirectGetter(client)
      : undefined;
  const put =
    !dryRun && writable && direction === 'up'
      ? await createDirectPutter(client)
      : undefined;
  const list = direction ? await createDirectLister(client) : undefined;
  return {
    list,
    get,
    put,
    close() {
      list?.close();
      get?.close();
      put?.close();
    },
  };
}
