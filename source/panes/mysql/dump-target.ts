/** Where a MySQL dump goes, from what was typed in the dump form. Pure. */
import { isS3Uri, parseS3Uri } from '../../aws/s3/s3-uri.js';

/**
 * Where a dump goes: a local file, or an S3 key (a location ending in '/'
 * gets the database's name and the date, like the local default).
 */
export function dumpTarget(
  value: string,
  database: string,
  gzip: boolean,
):
  | { kind: 'file'; path: string }
  | { kind: 's3'; bucket: string; key: string; uri: string } {
  const trimmed = value.trim();
  if (!isS3Uri(trimmed)) return { kind: 'file', path: trimmed };
  const { bucket, key } = parseS3Uri(trimmed);
  const name = `${database}-${new Date().toISOString().slice(0, 10)}.sql${gzip ? '.gz' : ''}`;
  const full = key === '' || key.endsWith('/') ? `${key}${name}` : key;
  return { kind: 's3', bucket, key: full, uri: `s3://${bucket}/${full}` };
}
