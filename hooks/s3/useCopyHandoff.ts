import { useCallback, useMemo } from 'react';
import type {
  CopyJob,
  EngineAccess,
  HandoffEngine,
} from '../../source/aws/s3jobs/types.js';
import {
  batchConfirm,
  dataSyncConfirm,
  handoffForm,
} from '../../source/panes/s3/handoff-dialogs.js';
import {
  copyFits,
  offerHandoff,
  type PlannedBucketCopy,
} from '../../source/s3sync/handoff/copy-handoff.js';
import {
  batchRequest,
  configuredRole,
  dataSyncRequest,
  defaultReportBucket,
  handoffCaveats,
  roleAskedBy,
} from '../../source/s3sync/handoff/handoff-requests.js';
import {
  isLargeCopy,
  type HandoffDecision,
} from '../../source/s3sync/handoff/decide.js';
import { resultOf, useWriteAction } from '../actions/useWriteAction.js';
import { useReadOnlyRefusal } from '../actions/useReadOnlyRefusal.js';
import { useJob } from '../actions/useJob.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useFollowCopyJob } from './useFollowCopyJob.js';

export interface CopyHandoff {
  /** The offers when the copy is large; undefined when it is not. */
  readonly offer: (
    copy: PlannedBucketCopy,
  ) => Promise<HandoffDecision | undefined>;
  /** Asks what the engine needs, confirms, creates the job and follows it. */
  readonly hand: (
    engine: HandoffEngine,
    copy: PlannedBucketCopy,
    decision: HandoffDecision,
  ) => Promise<void>;
}

function unknownAccess(why: string): Record<HandoffEngine, EngineAccess> {
  return {
    batch: { allowed: false, why },
    datasync: { allowed: false, why },
  };
}

export function useCopyHandoff(): CopyHandoff {
  const shell = useShellApi();
  const settings = useAppDeps().config.config.handoff;
  const runJob = useJob();
  const write = useWriteAction();
  const follow = useFollowCopyJob();
  const refuse = useReadOnlyRefusal();
  const { s3Jobs } = shell.session.services;

  const offer = useCallback(
    async (copy: PlannedBucketCopy) => {
      if (!isLargeCopy(copy.totals, settings)) return undefined;
      const access =
        (await runJob({
          title: "check which of AWS's copy engines the account allows",
          source: 's3',
          work: ({ signal }) => s3Jobs.access(signal),
          failed: () => undefined,
        }).catch(() => undefined)) ??
        unknownAccess('could not tell whether the account allows it');
      return offerHandoff(
        copy.totals,
        copy.planned,
        copy.places,
        settings,
        roleAskedBy(access, settings, 'named when chosen'),
      );
    },
    [runJob, s3Jobs, settings],
  );

  const hand = useCallback(
    async (
      engine: HandoffEngine,
      copy: PlannedBucketCopy,
      decision: HandoffDecision,
    ) => {
      const chosen = decision.offers.find((offer) => offer.engine === engine);
      if (chosen === undefined) return;
      if (refuse.work(`${chosen.title} was not created`, 's3')) return;
      const fits = copyFits(copy.places, copy.planned)[engine];
      const role = configuredRole(engine, settings);
      // A missing role is asked for below; anything else stops here.
      const blocked = !fits.allowed
        ? fits.why
        : !chosen.allowed && role !== undefined
          ? chosen.reason
          : undefined;
      if (blocked !== undefined) {
        shell.report(
          'warn',
          's3',
          `${chosen.title}: not available: ${blocked}`,
        );
        return;
      }
      const reportBucket = defaultReportBucket(copy.places, settings);
      // Asked only for what is missing or worth a look: the report bucket.
      const values: Readonly<Record<string, string>> | undefined =
        engine === 'datasync' && role !== undefined
          ? { roleArn: role }
          : await shell.ask(
              handoffForm(engine, { roleArn: role, reportBucket }),
            );
      if (!values) return;
      const roleArn = (values['roleArn'] ?? '').trim();
      const caveats = handoffCaveats(engine, copy.spec, copy.deletes);
      let create: () => Promise<CopyJob>;
      if (engine === 'batch') {
        const request = batchRequest(copy.places, copy.totals, copy.planned, {
          roleArn,
          reportBucket: (values['reportBucket'] ?? reportBucket).trim(),
          priority: settings.priority,
        });
        if (
          !(await shell.confirm(batchConfirm(request, chosen, caveats)))
            .confirmed
        )
          return;
        create = () => s3Jobs.createBatchCopy(request);
      } else {
        const request = dataSyncRequest(copy.places, copy.totals, roleArn);
        if (
          !(await shell.confirm(dataSyncConfirm(request, chosen, caveats)))
            .confirmed
        )
          return;
        create = () => s3Jobs.createDataSyncCopy(request);
      }
      let created: CopyJob | undefined;
      const made = await write<CopyJob>({
        what: `create the ${chosen.title}`,
        source: 's3',
        call: resultOf(async (): Promise<CopyJob> => {
          created = await create();
          return created;
        }),
        done: (job) =>
          `${job?.name ?? chosen.title}: created (${job?.id ?? '?'}); followed in the job strip and :s3-jobs`,
      });
      if (made && created !== undefined) void follow(created);
    },
    [follow, refuse, s3Jobs, settings, shell, write],
  );

  return useMemo(() => ({ offer, hand }), [offer, hand]);
}
