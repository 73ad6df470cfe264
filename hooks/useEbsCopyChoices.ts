import { useCallback, useMemo } from 'react';
import { checkImageId } from '../source/aws/ec2/validate.js';
import { KNOWN_REGIONS } from '../source/aws/region-names.js';
import { describeError } from '../source/errors.js';
import { checked } from '../source/form.js';
import type { Page } from '../source/panes/types.js';
import type { PickItem } from '../source/pick.js';
import type { SessionServices } from '../source/session.js';
import { draftOptions } from '../source/wizards/ebs-copy/options-answers.js';
import { optionsForm } from '../source/wizards/ebs-copy/options-view.js';
import type { Placement } from '../source/wizards/ebs-copy/target-placement.js';
import type {
  CopySource,
  SourceKind,
} from '../source/wizards/ebs-copy/types.js';
import { sourceLabel } from '../source/wizards/ebs-copy/wizard-view.js';
import { useShellApi } from './shell-context.js';

export interface EbsCopyChoices {
  /** Picks the kind, then the resource; then goes on to the target. */
  readonly pickSource: () => Promise<void>;
  /** Picks the target region, then (where something is created in a zone) the zone. */
  readonly pickTarget: () => Promise<void>;
  readonly editOptions: () => Promise<void>;
  /** Runs the pre-flight of the draft and shows its problems and plan. */
  readonly check: () => Promise<void>;
}

const SOURCE = 'ebs-copy';
/** Pages read for the source picker at the most. */
const MAX_PAGES = 10;

const KINDS: readonly PickItem[] = [
  {
    id: 'instance',
    label: 'An instance',
    detail: 'image it, copy the image, relaunch if wanted',
  },
  {
    id: 'volume',
    label: 'A volume',
    detail: 'snapshot, copy, create the volume there',
  },
  { id: 'snapshot', label: 'A snapshot', detail: 'copy it' },
  { id: 'image', label: 'An AMI', detail: 'copy it (type its ID)' },
];

async function readAll<Row>(
  list: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<Row>>,
): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await list(cursor, new AbortController().signal);
    rows.push(...result.rows);
    cursor = result.next;
    if (cursor === undefined) break;
  }
  return rows;
}

async function sourceItems(
  services: SessionServices,
  kind: Exclude<SourceKind, 'image'>,
): Promise<PickItem[]> {
  if (kind === 'instance')
    return (
      (await readAll((c, s) => services.instances.list(c, s)))
        // Gone or going: nothing left to copy.
        .filter((row) => !['terminated', 'shutting-down'].includes(row.state))
        .map((row) => ({
          id: row.id,
          label: row.name || row.id,
          detail: `${row.id} ${row.state} ${row.type} ${row.az}`,
        }))
    );
  if (kind === 'volume')
    return (await readAll((c, s) => services.volumes.list(c, s))).map(
      (row) => ({
        id: row.id,
        label: row.name || row.id,
        detail: `${row.id} ${row.size} GiB ${row.type} ${row.state} ${row.az}`,
      }),
    );
  return (await readAll((c, s) => services.snapshots.list(c, s))).map(
    (row) => ({
      id: row.id,
      label: row.name || row.id,
      detail: `${row.id} ${row.size} GiB ${row.state}`,
    }),
  );
}

/** The wizard's choices, each through a picker or a form over the wizard's screen. */
export function useEbsCopyChoices(): EbsCopyChoices {
  const { session, pick, ask, report } = useShellApi();
  const service = session.services.ebsCopy;
  const store = service.wizard;
  const region = session.settings.region;

  const failed = useCallback(
    (what: string, error: unknown) =>
      report('error', SOURCE, `${what}: ${describeError(error)}`),
    [report],
  );

  const pickTarget = useCallback(async () => {
    const { state } = store.getSnapshot();
    const source = 'draft' in state ? state.draft?.source : undefined;
    if (source === undefined) return;
    try {
      const engine = await service.engine();
      const regions = await engine.regions(source.region);
      const target = await pick({
        title: `Copy ${sourceLabel(source)} to which region?`,
        empty: 'no other region is enabled for this account',
        items: regions.map((code) => ({
          id: code,
          label: code,
          detail: KNOWN_REGIONS[code] ?? '',
        })),
      });
      if (target === undefined) return;
      let az: string | undefined;
      if (source.kind === 'volume' || source.kind === 'instance') {
        const zones = await engine.zones(target);
        az = await pick({
          title: `Zone in ${target} for the new ${source.kind}`,
          empty: `no zone of ${target} is available`,
          items: zones.map((zone) => ({ id: zone, label: zone })),
        });
        if (az === undefined) return;
      }
      store.dispatch({
        type: 'choose-target',
        region: target,
        ...(az === undefined ? {} : { az }),
      });
    } catch (error) {
      failed('cannot list the target regions', error);
    }
  }, [store, service, pick, failed]);

  const pickSource = useCallback(async () => {
    const kind = (await pick({
      title: `What to move from ${region} to another region?`,
      items: KINDS,
    })) as SourceKind | undefined;
    if (kind === undefined) return;
    let id: string | undefined;
    if (kind === 'image') {
      const values = await ask({
        title: `AMI of ${region} to copy`,
        submitLabel: 'Continue',
        fields: [
          {
            name: 'id',
            label: 'AMI ID',
            placeholder: 'ami-0123456789abcdef0',
            validate: (value) => checked(() => checkImageId(value.trim())),
          },
        ],
      });
      id = values?.['id']?.trim();
    } else {
      let items: PickItem[];
      try {
        items = await sourceItems(session.services, kind);
      } catch (error) {
        return failed(`cannot list the ${kind}s`, error);
      }
      id = await pick({
        title: `Which ${kind} of ${region}?`,
        empty: `no ${kind} in ${region}`,
        items,
      });
    }
    if (id === undefined) return;
    const source: CopySource = { kind, id, region };
    store.dispatch({ type: 'choose-source', source });
    await pickTarget();
  }, [pick, ask, region, session.services, store, pickTarget, failed]);

  const editOptions = useCallback(async () => {
    const { state } = store.getSnapshot();
    if (!('draft' in state) || state.draft?.source === undefined) return;
    const draft = state.draft;
    const kind = draft.source?.kind;
    let placement: Placement | undefined;
    if (
      (kind === 'volume' || kind === 'instance') &&
      draft.targetRegion !== undefined &&
      draft.az !== undefined
    )
      try {
        const engine = await service.engine();
        placement = await engine.placement(draft.targetRegion, draft.az);
      } catch (error) {
        // The form still opens, without attach and subnet choices.
        failed(`cannot list ${draft.az}`, error);
      }
    const values = await ask(optionsForm(draft, placement));
    if (values === undefined) return;
    store.dispatch({
      type: 'set-options',
      options: draftOptions(draft, values),
    });
  }, [store, service, ask, failed]);

  const check = useCallback(async () => {
    store.dispatch({ type: 'check' });
    const { state } = store.getSnapshot();
    if (state.step !== 'preflight') return;
    const { request } = state;
    const current = () => {
      const now = store.getSnapshot().state;
      return now.step === 'preflight' && now.request === request;
    };
    try {
      const engine = await service.engine();
      const preflight = await engine.preflight(request);
      const plan =
        preflight.facts === undefined
          ? []
          : engine.plan(request, preflight.facts);
      if (current()) store.dispatch({ type: 'checked', preflight, plan });
    } catch (error) {
      if (current())
        store.dispatch({
          type: 'failed',
          message: `pre-flight: ${describeError(error)}`,
        });
    }
  }, [store, service]);

  return useMemo(
    () => ({ pickSource, pickTarget, editOptions, check }),
    [pickSource, pickTarget, editOptions, check],
  );
}
