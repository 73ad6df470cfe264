/**
 * The CSV manifest S3 Batch Operations reads (format
 * S3BatchOperations_CSV_20180820: `bucket,key[,versionId]`, keys
 * URL-encoded, no header) and the failure rows of its completion report
 * (Report_CSV_20180820: bucket,key,versionId,taskStatus, then the HTTP status
 * and error code, then the result message).
 */
import type { FailureRow, ObjectRef } from './types.js';

export const MANIFEST_FORMAT = 'S3BatchOperations_CSV_20180820';
export const REPORT_FORMAT = 'Report_CSV_20180820';

/** The manifest's fields: a version column only when some key names a version. */
export function manifestFields(
  keys: readonly ObjectRef[],
): ('Bucket' | 'Key' | 'VersionId')[] {
  return keys.some((ref) => ref.versionId !== undefined)
    ? ['Bucket', 'Key', 'VersionId']
    : ['Bucket', 'Key'];
}

/** One line per key; every key is URL-encoded, so commas and newlines in keys cannot break a row. */
export function manifestCsv(
  bucket: string,
  keys: readonly ObjectRef[],
): string {
  const versioned = manifestFields(keys).length === 3;
  return keys
    .map((ref) => {
      const row = `${bucket},${encodeURIComponent(ref.key)}`;
      return versioned ? `${row},${ref.versionId ?? ''}` : row;
    })
    .map((line) => `${line}\n`)
    .join('');
}

/** A CSV line's fields (quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        current += '"';
        index++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields;
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** The failed rows of a completion report, at most `limit`. */
export function failedReportRows(text: string, limit: number): FailureRow[] {
  const rows: FailureRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (rows.length >= limit) break;
    if (line.trim() === '') continue;
    const [, key = '', , status = '', fifth = '', sixth = '', message = ''] =
      csvFields(line);
    if (status.toLowerCase() !== 'failed') continue;
    // The documented example puts the HTTP status before the error code
    // (failed,400,InvalidRequest,...): name the code, whichever side it is on.
    const numeric = /^\d+$/.test(fifth);
    const code = numeric ? sixth : fifth;
    rows.push({
      key: decodeKey(key),
      code: code === '' ? `HTTP ${numeric ? fifth : sixth}` : code,
      message,
    });
  }
  return rows;
}
