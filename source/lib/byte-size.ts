/**
 * Byte sizes as people read them, one convention everywhere: IEC binary
 * units (KiB, MiB, GiB), as the AWS console and `aws s3 ls --human-readable`
 * show them, so one object never reads 55.2 kB in one place and 53.9 KiB in
 * another. Pure.
 */
import prettyBytes from 'pretty-bytes';

export function formatBytes(
  bytes: number,
  options: {
    readonly fractionDigits?: number;
    /** "1.2KiB": no space, for narrow columns. */
    readonly compact?: boolean;
  } = {},
): string {
  return prettyBytes(bytes, {
    binary: true,
    space: options.compact !== true,
    ...(options.fractionDigits === undefined
      ? {}
      : { maximumFractionDigits: options.fractionDigits }),
  });
}
