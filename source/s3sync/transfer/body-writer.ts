/** Streams an HTTP body into an open file at a given offset. */
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** Chunks from the socket are gathered up to this before one write. */
const WRITE_BATCH = 1024 * 1024;

/**
 * Writes the body at `position` in batches; reading waits for each write,
 * so a slow disk holds the socket back instead of filling memory.
 * Returns the bytes written.
 */
export async function writeBody(
  body: Readable,
  file: FileHandle,
  position: number,
  onBytes: (count: number) => void,
): Promise<number> {
  let at = position;
  let batch: Buffer[] = [];
  let batched = 0;
  const flush = async () => {
    const buffers = batch;
    batch = [];
    batched = 0;
    let length = 0;
    for (const buffer of buffers) length += buffer.length;
    const { bytesWritten } = await file.writev(buffers, at);
    if (bytesWritten !== length)
      throw new Error(`short write: ${bytesWritten} of ${length} bytes`);
    at += length;
    onBytes(length);
  };
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    batch.push(buffer);
    batched += buffer.length;
    if (batched >= WRITE_BATCH) await flush();
  }
  if (batched > 0) await flush();
  return at - position;
}
