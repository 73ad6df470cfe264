import { useCallback, useMemo } from 'react';
import { checkImageId } from '../../../source/aws/ec2/validate.js';
import { KNOWN_REGIONS } from '../../../source/aws/region-names.js';
import { plainLetters } from '../../../source/lib/charset.js';
import { describeError } from '../../../source/lib/errors.js';
import { checked } from '../../../source/lib/form.js';
import type { PickItem } from '../../../source/lib/pick-request.js';
import { draftOptions } from '../../../source/wizards/ebs-copy/views/options-answers.js';
import { optionsForm } from '../../../source/wizards/ebs-copy/views/options-view.js';
import type { Placement } from '../../../source/wizards/ebs-copy/checks/target-placement.js';
import type {
  CopySource,
  SourceKind,
} from '../../../source/wizards/ebs-copy/types.js';
import {
  KINDS,
  sourceItems,
} from '../../../source/wizards/ebs-copy/source-items.js';
import { sourceLabel } from '../../../source/wizards/ebs-copy/views/wizard-view.js';
import { useCancellable } from '../../actions/useCancellable.js';
import { useCharset } from '../../context/charset-context.js';
import { useShellApi } from '../../context/shell-context.js';
import { useBucketSourcePick } from './useBucketSourcePick.js';

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

/** The wizard's choices, each through a picker or a form over the wizard's screen. */
export function useEbsCopyChoices(): EbsCopyChoices {
  const { session, pick, ask, report } = useShellApi();
  const chars = useCharset();
  const cancellable = useCancellable();
  const pickBucket = useBucketSourcePick();
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
          detail: plainLetters(KNOWN_REGIONS[code] ?? '', chars),
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
  }, [store, service, pick, failed, chars]);

  const pickSource = useCallback(async () => {
    const kind = (await pick({
      title: `What to move from ${region} to another region?`,
      items: KINDS,
    })) as SourceKind | undefined;
    if (kind === undefined) return;
    let id: string | undefined;
    let sourceRegion = region;
    if (kind === 'bucket') {
      const bucket = await pickBucket();
      id = bucket?.id;
      sourceRegion = bucket?.region ?? region;
    } else if (kind === 'image') {
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
        items = await cancellable((signal) =>
          sourceItems(session.services, kind, signal),
        );
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
    const source: CopySource = { kind, id, region: sourceRegion };
    store.dispatch({ type: 'choose-source', source });
    await pickTarget();
  }, [
    pick,
    ask,
    region,
    session.services,
    store,
    pickTarget,
    failed,
    cancellable,
    pickBucket,
  ]);

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
