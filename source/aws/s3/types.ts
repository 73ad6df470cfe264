/**
 * What the S3 panes and subcommands use: plain data in, plain data out.
 * Every call takes an AbortSignal; long work reports progress by callback.
 */
import type { AbortResult, PendingUpload } from './pending-uploads.js';
import type { Readable } from 'node:stream';

export interface BucketRow {
  readonly name: string;
  /** Undefined when the location could not be read (permission). */
  readonly region: string | undefined;
  readonly created: Date | undefined;
}

export interface ObjectRow {
  readonly key: string;
  readonly size: number;
  readonly modified: Date | undefined;
  readonly storageClass: string | undefined;
  readonly etag: string | undefined;
}

export interface ObjectPage {
  /** Common prefixes ("directories") when a delimiter was given, each ending in it. */
  readonly prefixes: readonly string[];
  readonly objects: readonly ObjectRow[];
  /** Pass back as `cursor` for the next page; undefined on the last page. */
  readonly next: string | undefined;
}

export interface ListObjectsOptions {
  readonly prefix?: string;
  /** '/' to browse like directories; undefined for a flat listing. */
  readonly delimiter?: string;
  readonly cursor?: string;
  /** At most 1000 (S3's maximum). */
  readonly pageSize?: number;
}

export interface VersionRow {
  readonly versionId: string;
  readonly isLatest: boolean;
  readonly deleteMarker: boolean;
  readonly size: number;
  readonly modified: Date | undefined;
}

export interface ObjectDetail {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly modified: Date | undefined;
  readonly etag: string | undefined;
  readonly contentType: string | undefined;
  readonly storageClass: string | undefined;
  readonly versionId: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
  /** Undefined when the tags could not be read (permission, endpoint). */
  readonly tags: Readonly<Record<string, string>> | undefined;
  /** Newest first, at most one page. */
  readonly versions: readonly VersionRow[];
  readonly moreVersions: boolean;
}

export interface ObjectBody {
  readonly body: Readable;
  readonly size: number;
  readonly modified: Date | undefined;
  readonly etag: string | undefined;
  readonly contentType: string | undefined;
}

export interface PutOptions {
  readonly contentType?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** What rb --force would remove; shown before the typed confirmation. */
export interface BucketContents {
  readonly bucket: string;
  readonly versioned: boolean;
  /** Current (latest, not deleted) objects. */
  readonly objects: number;
  /** Every stored version, current ones included. */
  readonly versions: number;
  readonly deleteMarkers: number;
  readonly uploads: number;
  /** Bytes of every version. */
  readonly bytes: number;
}

/** The first page of a bucket's versions and uploads (X asks this before anything). */
export interface BucketPeek {
  readonly bucket: string;
  /** Current objects on the page. */
  readonly objects: number;
  /** Stored versions on the page, current ones included. */
  readonly versions: number;
  readonly deleteMarkers: number;
  readonly uploads: number;
  /** A listing had more pages: the counts are lower bounds. */
  readonly more: boolean;
}

export interface PurgeProgress {
  readonly deleted: number;
  /** Known once the listing is complete. */
  readonly total: number | undefined;
  readonly bytesDeleted: number;
  readonly uploadsAborted: number;
}

export interface PurgeResult {
  readonly deleted: number;
  readonly bytesDeleted: number;
  readonly uploadsAborted: number;
  /** Keys S3 refused to delete after the retries, with its reason. */
  readonly failed: readonly {
    key: string;
    versionId?: string;
    message: string;
  }[];
  readonly bucketRemoved: boolean;
}

export interface DeleteResult {
  readonly deleted: number;
  readonly failed: readonly {
    key: string;
    versionId?: string;
    message: string;
  }[];
}

export interface S3Service {
  listBuckets(signal: AbortSignal): Promise<BucketRow[]>;
  bucketRegion(bucket: string, signal: AbortSignal): Promise<string>;
  listObjects(
    bucket: string,
    options: ListObjectsOptions,
    signal: AbortSignal,
  ): Promise<ObjectPage>;
  objectDetail(
    bucket: string,
    key: string,
    signal: AbortSignal,
  ): Promise<ObjectDetail>;
  getObject(
    bucket: string,
    key: string,
    signal: AbortSignal,
    range?: { start: number; end: number },
  ): Promise<ObjectBody>;
  /** The first `maxBytes` of an object as UTF-8 text (the viewer). */
  /** The first bytes of an object (`v`). */
  readStart(
    bucket: string,
    key: string,
    maxBytes: number,
    signal: AbortSignal,
  ): Promise<{ bytes: Uint8Array; truncated: boolean }>;
  putObject(
    bucket: string,
    key: string,
    body: Uint8Array | string,
    options?: PutOptions,
    signal?: AbortSignal,
  ): Promise<{ etag: string | undefined }>;
  presignGet(
    bucket: string,
    key: string,
    expiresSeconds: number,
  ): Promise<string>;
  /** Refuses a name already taken, yours or another account's (HeadBucket). */
  checkNewBucket(
    name: string,
    region: string,
    signal: AbortSignal,
  ): Promise<void>;
  /** Checks the name is free first: us-east-1 would answer 200 for one you own. */
  makeBucket(name: string, region: string): Promise<void>;
  /** Removes an empty bucket; a non-empty one is refused with its counts. */
  removeBucket(bucket: string, signal: AbortSignal): Promise<void>;
  /** One page of versions and uploads: is the bucket empty? */
  peekBucket(bucket: string, signal: AbortSignal): Promise<BucketPeek>;
  /** Counts what rb --force would remove. */
  bucketContents(
    bucket: string,
    signal: AbortSignal,
    onProgress?: (counted: number) => void,
  ): Promise<BucketContents>;
  /** rb --force: every version, delete marker and pending upload, then the bucket. */
  purgeBucket(
    bucket: string,
    signal: AbortSignal,
    onProgress?: (progress: PurgeProgress) => void,
  ): Promise<PurgeResult>;
  /** Uploads never completed nor aborted, with their parts (s3cmd multipart). */
  pendingUploads(
    bucket: string,
    prefix: string,
    signal: AbortSignal,
  ): Promise<PendingUpload[]>;
  /** Aborts uploads by ID (s3cmd abortmp); refused in read-only mode. */
  abortUploads(
    bucket: string,
    uploads: readonly Pick<PendingUpload, 'key' | 'uploadId'>[],
    signal: AbortSignal,
  ): Promise<AbortResult>;
  /** Deletes current objects (the browser's delete); batches of 1000 with retries. */
  deleteObjects(
    bucket: string,
    keys: readonly string[],
    signal: AbortSignal,
  ): Promise<DeleteResult>;
}
