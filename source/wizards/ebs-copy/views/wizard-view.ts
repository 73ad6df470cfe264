/**
 * Words for the wizard's screens: which step it is at, the choices made so
 * far, and what each key does next. Pure; the screens render these lines.
 */
import { wrapLines } from '../../../lib/wrap-lines.js';
import type { ViewGlyphs, ViewLine } from '../../view-lines.js';
import { MIGRATION_TAG } from '../tags.js';
import type {
  Consistency,
  CopySource,
  Encryption,
  InstanceOptions,
  TagChoice,
} from '../types.js';
import type { WizardState } from './wizard-state.js';
import type { Draft } from './draft.js';
import { BUCKET_HINTS, bucketDraftRows } from './bucket-view.js';

export type { ViewGlyphs, ViewLine } from '../../view-lines.js';

const STEPS = ['Source', 'Target', 'Options', 'Pre-flight', 'Plan', 'Run'];

/** "Step 3/6: Options" */
export function stepLabel(state: WizardState): string {
  const index: Record<WizardState['step'], number> = {
    source: 0,
    target: 1,
    options: 2,
    preflight: 3,
    review: 4,
    running: 5,
    finished: 5,
    failed: 5,
  };
  if (state.step === 'finished') return 'Finished';
  if (state.step === 'failed')
    return state.runId === undefined ? 'Stopped' : 'Run stopped';
  const at = index[state.step];
  return `Step ${at + 1}/${STEPS.length}: ${STEPS[at] ?? ''}`;
}

export const KIND_LABELS: Readonly<Record<CopySource['kind'], string>> = {
  instance: 'instance',
  volume: 'volume',
  snapshot: 'snapshot',
  image: 'AMI',
  bucket: 'bucket',
};

export function sourceLabel(source: CopySource): string {
  return `${KIND_LABELS[source.kind]} ${source.id} in ${source.region}`;
}

function encryptionLabel(encryption: Encryption): string {
  switch (encryption.mode) {
    case 'keep':
      return 'as the source (an encrypted source uses the target default key)';
    case 'default':
      return "encrypt with the target region's default key";
    case 'kms':
      return `encrypt with KMS key ${encryption.keyId}`;
  }
}

function tagsLabel(tags: TagChoice): string {
  const plus = `plus ${MIGRATION_TAG}=<run ID>`;
  switch (tags.mode) {
    case 'all':
      return `all of the source's, ${plus}`;
    case 'none':
      return `none of the source's, only ${MIGRATION_TAG}`;
    case 'only':
      return `${tags.keys.join(', ')}, ${plus}`;
  }
}

/** What each way of imaging a running instance costs; NoReboot's risk said plainly. */
const CONSISTENCY_TEXT: Readonly<Record<Consistency, string>> = {
  reboot:
    'reboot once while imaging: a consistent image, about a minute of downtime',
  'stop-first':
    'stop the instance first and leave it stopped: consistent; it is down until you start it',
  'no-reboot':
    'no reboot (NoReboot): no downtime, but the image is crash-consistent: writes not yet on disk are lost and file systems may need a check on first boot',
};

function instanceRows(options: InstanceOptions): [string, string][] {
  const yes = (on: boolean) => (on ? 'yes' : 'no');
  return [
    ['Imaging', CONSISTENCY_TEXT[options.consistency]],
    [
      'Launch',
      options.launch
        ? `yes, in the target zone (key pair ${yes(options.importKeyPair)}, security groups ${yes(options.copySecurityGroups)}, Elastic IP ${yes(options.elasticIp)})`
        : 'no: the AMI is copied; launch it there later',
    ],
    ...(options.launch && options.subnetId !== undefined
      ? [['Subnet', options.subnetId] as [string, string]]
      : []),
  ];
}

/** The choices made so far, label and value, wrapped to the width. */
export function draftLines(draft: Draft, width: number): ViewLine[] {
  const rows: [string, string][] = [
    ['Source', draft.source ? sourceLabel(draft.source) : '(not chosen)'],
    [
      'Target',
      draft.targetRegion === undefined
        ? '(not chosen)'
        : `${draft.targetRegion}${draft.az === undefined ? '' : `, zone ${draft.az}`}`,
    ],
    ...(draft.source?.kind === 'bucket'
      ? bucketDraftRows(draft)
      : ([
          ['Encryption', encryptionLabel(draft.encryption)],
          ['Tags', tagsLabel(draft.tags)],
        ] as [string, string][])),
  ];
  if (draft.source?.kind === 'volume')
    rows.push(
      ['Volume type', draft.volumeType ?? 'as the source'],
      [
        'Attach to',
        draft.attachTo === undefined
          ? 'no: the volume is left unattached'
          : `${draft.attachTo.instanceId} as ${draft.attachTo.device}`,
      ],
    );
  if (draft.registerFromSnapshots === true)
    rows.push([
      'Image',
      'registered in the target from copies of its snapshots',
    ]);
  if (draft.source?.kind === 'instance')
    rows.push(...instanceRows(draft.instance));
  const lines: ViewLine[] = [];
  for (const [label, value] of rows) {
    const first = `${label.padEnd(12)}`;
    for (const text of wrapLines(value, width, {
      first,
      rest: ' '.repeat(12),
    }))
      lines.push({
        text,
        ...(value === '(not chosen)' ? { tone: 'muted' as const } : {}),
      });
  }
  return lines;
}

/** What Enter and the other keys do at this step. */
export function nextHint(
  state: WizardState,
  options: {
    readonly region: string;
    readonly readOnly: boolean;
    readonly glyphs: ViewGlyphs;
  },
): string {
  switch (state.step) {
    case 'source':
      return `Enter picks what to move: an instance, a volume, a snapshot or an AMI of ${options.region}, or a bucket.`;
    case 'target':
      return 'Enter picks the target region (enabled regions only), then the zone where something is created there.';
    case 'options':
      if (state.draft.source?.kind === 'bucket') return BUCKET_HINTS.options;
      return 'Enter runs the pre-flight: it checks the source, the target and every write with DryRun, and creates nothing. o changes the options, t the target, s the source.';
    case 'preflight':
      return `Checking identity, the source, the target zone, limits and every write (DryRun)${options.glyphs.ellipsis}`;
    case 'review':
      if (options.readOnly)
        return 'Read-only mode: the pre-flight and the plan are shown, but the copy cannot be started.';
      return !state.preflight.ok
        ? 'Blocked: do what the blockers say (o, t, s change the choices), then Enter checks again.'
        : 'Enter asks to confirm (y/N): the copy creates the resources below, which cost money; nothing is deleted.';
    case 'running':
      return 'Esc or Ctrl+C cancels: the run stops cleanly and can be resumed later (r, or :migrations).';
    case 'finished':
      if (state.summary.catchUp !== undefined) return BUCKET_HINTS.finished;
      return 'x removes what is left in the source, asking for each; n starts a new copy; :migrations lists the runs.';
    case 'failed':
      return state.runId === undefined
        ? 'Enter checks again; s, t and o change the choices.'
        : `r resumes ${state.runId}: done steps are skipped and nothing is created twice. n starts a new copy.`;
  }
}
