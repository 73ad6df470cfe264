/** Plain data the sync planner and executor pass around. */

/** Up: local to bucket; down: bucket to local; copy: bucket to bucket, server-side. */
export type SyncDirection = 'up' | 'down' | 'copy';

/** A local regular file (symlinks followed), named by its path relative to the root with '/'. */
export interface LocalEntry {
  readonly rel: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** An object under the remote prefix, named by its key relative to the prefix. */
export interface RemoteEntry {
  readonly rel: string;
  readonly key: string;
  readonly size: number;
  readonly modifiedMs: number;
  readonly etag: string | undefined;
  readonly storageClass: string | undefined;
}

export type PlanAction = 'upload' | 'download' | 'copy' | 'delete' | 'skip';

/** What the planner merges against the destination: local files, or a source bucket's objects. */
export type SourceEntry = LocalEntry | RemoteEntry;

export interface PlanItem {
  readonly action: PlanAction;
  readonly rel: string;
  /** Why: "new", "size differs", "local newer", "not in source", "unchanged", ... */
  readonly reason: string;
  readonly local?: LocalEntry | undefined;
  readonly remote?: RemoteEntry | undefined;
  /** The source bucket's object (copy). */
  readonly source?: RemoteEntry | undefined;
  /** Bytes this item moves (0 for deletes and skips). */
  readonly bytes: number;
  /** Skips the user should hear about (unsafe key, unreadable file). */
  readonly warning?: boolean;
}

export type CompareMode =
  'default' | 'size-only' | 'checksum' | 'exact-timestamps';

export interface PlanOptions {
  readonly direction: SyncDirection;
  readonly mode: CompareMode;
  readonly delete: boolean;
  /** Computes the ETag a local file would have (checksum mode). */
  readonly localEtag?: (
    entry: LocalEntry,
    remoteEtag: string,
  ) => Promise<string | undefined>;
}
