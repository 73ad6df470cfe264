/**
 * The ID of a multipart upload, journalled the moment CreateMultipartUpload
 * answers and before any part is sent: a run killed at any point after that
 * leaves an upload the next run can abort by ID, whatever the server's clock
 * says (moto dates every upload 2010; some S3-compatible servers skew).
 * lib-storage makes that call itself, so a middleware on the client sees it.
 */
import type { S3Client } from '@aws-sdk/client-s3';

type Record = (uploadId: string) => Promise<void>;

const watchers = new WeakMap<S3Client, Map<string, Record>>();

const slot = (bucket: string, key: string) => `${bucket}\u0000${key}`;

function watchersOf(client: S3Client): Map<string, Record> {
  let found = watchers.get(client);
  if (found) return found;
  const created = new Map<string, Record>();
  found = created;
  watchers.set(client, created);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName !== 'CreateMultipartUploadCommand') return result;
      const input = args.input as { Bucket?: string; Key?: string };
      const output = result.output as { UploadId?: string };
      const record = created.get(slot(input.Bucket ?? '', input.Key ?? ''));
      // Awaited: no part goes out before the ID is on disk.
      if (record && output.UploadId)
        await record(output.UploadId).catch(() => undefined);
      return result;
    },
    { step: 'initialize', name: 'opsdeckJournalUploadIds' },
  );
  return created;
}

/** Calls `record` with the ID of the next upload created for bucket/key; returns a stop. */
export function onUploadCreated(
  client: S3Client,
  bucket: string,
  key: string,
  record: Record,
): () => void {
  const all = watchersOf(client);
  const name = slot(bucket, key);
  all.set(name, record);
  return () => {
    if (all.get(name) === record) all.delete(name);
  };
}
