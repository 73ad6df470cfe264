/**
 * What the finish screen says after a bucket source's run: what the copy
 * step did, the one reference opsdeck rewrote (the policy), and that it
 * cannot see anything else that still names the old bucket. Pure.
 */
import { formatBytes } from '../../../lib/byte-size.js';
import type { Journal } from '../run-types.js';
import {
  CONFIG_LABELS,
  skippedItems,
  targetBucketName,
} from './bucket-plan.js';

const count = (text: string | undefined) =>
  Number(text ?? 0).toLocaleString('en-US');

export function bucketNotes(journal: Journal): string[] {
  const source = journal.request.source.id;
  const target = targetBucketName(journal.request);
  const outputs = (step: string) => journal.steps[step]?.outputs ?? {};
  const notes: string[] = [];
  const copied = outputs('copy-contents');
  if (copied['copied'] !== undefined)
    notes.push(
      `copied ${count(copied['copied'])} object(s), ${formatBytes(Number(copied['bytes'] ?? 0))}; ${count(copied['unchanged'])} already in ${target}`,
    );
  const skipped = skippedItems(journal.request, journal.facts);
  if (skipped.length > 0)
    notes.push(
      `left out by choice: ${skipped.map((item) => CONFIG_LABELS[item]).join(', ')}`,
    );
  if (outputs('bucket-policy')['applied'] !== undefined)
    notes.push(
      `the bucket policy of ${target} names ${target} where the source's named ${source}: the only reference opsdeck rewrote`,
    );
  if (journal.state === 'done')
    notes.push(
      `objects written to ${source} since the copy are not in ${target}: c runs a catch-up sync, which copies only what differs`,
    );
  notes.push(
    `opsdeck cannot see what else still points at ${source}: applications and their settings, DNS names and CDN origins, IAM and KMS policies elsewhere, replication and event notifications. Check and switch them yourself`,
  );
  return notes;
}
