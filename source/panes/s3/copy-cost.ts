/** What a bucket-to-bucket copy costs, as the plan dialog and the CLI say it. Pure. */
import { formatBytes } from '../../lib/byte-size.js';
import type { Glyphs } from '../../lib/charset.js';
import type { BucketCopyTotals } from '../../s3sync/copy/copy-totals.js';

export function copyCostLines(
  totals: BucketCopyTotals,
  glyphs: Pick<Glyphs, 'arrow'>,
): string[] {
  const lines = [
    `requests: ${totals.copyRequests} copy, ${totals.listRequests} list; no object passes through here`,
  ];
  if (totals.crossRegion)
    lines.push(
      `${totals.sourceRegion} ${glyphs.arrow} ${totals.destinationRegion}: ${formatBytes(totals.transferBilledBytes)} billed as inter-region transfer`,
    );
  return lines;
}
