/** Words of the wizard's screens for a bucket source: its choices and its keys. Pure. */
import { suggestTargetName } from '../../../aws/s3/bucket-config/config-plan.js';
import { CONFIG_ITEMS, CONFIG_LABELS } from '../bucket/bucket-plan.js';
import type { Draft } from './draft.js';

/** Label and value rows of a bucket draft, after Source and Target. */
export function bucketDraftRows(draft: Draft): [string, string][] {
  const source = draft.source?.id ?? '';
  const name =
    draft.bucket?.targetName ??
    (draft.targetRegion === undefined
      ? undefined
      : suggestTargetName(source, draft.targetRegion));
  const skip = new Set(draft.bucket?.skip ?? []);
  const kept = CONFIG_ITEMS.filter((item) => !skip.has(item));
  return [
    ['New bucket', name ?? '(not chosen)'],
    [
      'Config',
      kept.length === 0
        ? 'none copied'
        : `${kept.length === CONFIG_ITEMS.length ? 'all' : kept.map((item) => CONFIG_LABELS[item]).join(', ')}, where the source has it`,
    ],
    ['Contents', 'every object, by server-side copy (no byte through opsdeck)'],
  ];
}

export const BUCKET_HINTS = {
  options:
    'Enter runs the pre-flight: it checks the new name (rules, then whether it is free), reads the configuration and lists the contents; it creates nothing. o changes the name and what is copied, t the target, s the source.',
  finished:
    'c runs a catch-up sync (asks first; copies only what changed since); n starts a new copy; :migrations lists the runs.',
} as const;
