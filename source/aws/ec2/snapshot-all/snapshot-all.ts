/**
 * `snapshot-all`: one CreateSnapshots per instance (crash-consistent across
 * its volumes) with the tags copied, then retention on the volumes whose new
 * snapshot was accepted (and completed, with wait). It reuses the instances
 * pane's CreateSnapshots and the snapshots pane's delete, which refuses a
 * snapshot an AMI uses. A failure on one instance does not stop the others;
 * the report says what failed and what was done.
 */
import { describeError } from '../../../lib/errors.js';
import type { AwsClientFactory } from '../../client-factory.js';
import { createInstanceService } from '../instances.js';
import { createSnapshotService } from '../snapshots.js';
import {
  imagesBySnapshot,
  ownSnapshots,
  waitForSnapshots,
  type SnapshotProgress,
} from './own-snapshots.js';
import {
  decideRetention,
  hasRetention,
  type ImageUse,
  type OwnSnapshot,
  type RetentionRule,
} from './retention.js';
import { commonTags, runStamp, snapshotDescription } from './snapshot-tags.js';
import {
  chooseVolumes,
  tagEach,
  type CreatedSnapshot,
  type VolumeChoice,
} from './snapshot-steps.js';

export type { CreatedSnapshot };
import {
  findTargets,
  type SnapshotTarget,
  type TargetSelector,
  type TargetVolume,
} from './targets.js';

/** The console's N with retention: the engine bound to the session's clients. */
export interface SnapshotAllService {
  readonly run: (request: SnapshotAllRequest) => Promise<SnapshotAllReport>;
}

export interface SnapshotAllRequest {
  readonly selector: TargetSelector;
  readonly excludeBoot: boolean;
  readonly excludeDevices: readonly string[];
  readonly retention: RetentionRule;
  readonly dryRun: boolean;
  readonly wait: boolean;
  /** Instead of the generated one (the console's N lets it be typed). */
  readonly description?: string;
}

export interface SnapshotAllHooks {
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  /** Wraps one instance's CreateSnapshots call (a file-system freeze, a read lock). */
  readonly around?: (
    target: SnapshotTarget,
    call: () => Promise<void>,
  ) => Promise<void>;
  readonly onWait?: (states: readonly SnapshotProgress[]) => void;
  readonly waitIntervalMs?: number;
}

export interface InstanceReport {
  readonly instanceId: string;
  readonly name: string;
  /** The volumes snapshotted (or, in a dry run, to be). */
  readonly volumes: readonly TargetVolume[];
  readonly snapshots: CreatedSnapshot[];
}

export interface SnapshotAllReport {
  readonly at: string;
  readonly dryRun: boolean;
  readonly instances: readonly InstanceReport[];
  /** Deleted by retention (in a dry run: would be). */
  readonly deleted: OwnSnapshot[];
  readonly keptForImages: (OwnSnapshot & ImageUse)[];
  readonly failures: string[];
}

export async function snapshotAll(
  factory: AwsClientFactory,
  request: SnapshotAllRequest,
  hooks: SnapshotAllHooks = {},
): Promise<SnapshotAllReport> {
  const at = (hooks.now ?? (() => new Date()))();
  const report: SnapshotAllReport = {
    at: runStamp(at),
    dryRun: request.dryRun,
    instances: [],
    deleted: [],
    keptForImages: [],
    failures: [],
  };
  const targets = await findTargets(factory, request.selector, hooks.signal);
  const instances = createInstanceService(factory);
  const accepted = new Map<string, number>();
  const instanceReports: InstanceReport[] = [];
  for (const target of targets) {
    hooks.signal?.throwIfAborted();
    const chosen = chooseVolumes(target, request);
    const entry: InstanceReport = {
      instanceId: target.instanceId,
      name: target.name,
      volumes: chosen.volumes,
      snapshots: [],
    };
    instanceReports.push(entry);
    if (chosen.volumes.length === 0) {
      report.failures.push(`${target.instanceId}: no volume left to snapshot`);
      continue;
    }
    if (request.dryRun) {
      for (const volume of chosen.volumes) accepted.set(volume.volumeId, 1);
      continue;
    }
    try {
      await created(instances, target, chosen, at, entry, {
        ...hooks,
        description: request.description,
      });
    } catch (error) {
      // The call may have gone through and what wraps it failed (a thaw):
      // the snapshots stand, retention waits for a clean run.
      report.failures.push(
        `${target.instanceId}: ${entry.snapshots.length === 0 ? 'no snapshots made' : 'snapshots made, but'}: ${describeError(error)}`,
      );
      continue;
    }
    for (const snapshot of entry.snapshots)
      accepted.set(
        snapshot.volumeId,
        (accepted.get(snapshot.volumeId) ?? 0) + 1,
      );
  }
  Object.assign(report, { instances: instanceReports });
  const made = instanceReports.flatMap((entry) => entry.snapshots);
  await tagEach(factory, targets, made, at, report.failures);
  if (request.wait && !request.dryRun) {
    const states = await waitForSnapshots(
      factory,
      made.map((one) => one.snapshotId),
      {
        intervalMs: hooks.waitIntervalMs ?? 15_000,
        ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
        onUpdate: hooks.onWait ?? (() => undefined),
      },
    );
    for (const state of states) {
      const snapshot = made.find((one) => one.snapshotId === state.snapshotId);
      if (snapshot === undefined) continue;
      snapshot.state = state.state;
      if (state.state !== 'completed') {
        report.failures.push(
          `${state.snapshotId} of ${snapshot.volumeId} ended ${state.state}: older snapshots of that volume kept`,
        );
        accepted.delete(snapshot.volumeId);
      }
    }
  }
  if (hasRetention(request.retention) && accepted.size > 0)
    await retain(factory, request, accepted, made, at, report, hooks.signal);
  return report;
}

async function created(
  instances: ReturnType<typeof createInstanceService>,
  target: SnapshotTarget,
  chosen: VolumeChoice,
  at: Date,
  entry: InstanceReport,
  hooks: SnapshotAllHooks & { readonly description: string | undefined },
): Promise<void> {
  const call = async () => {
    const outcome = await instances.snapshotAll(target.instanceId, {
      description:
        hooks.description ?? snapshotDescription(target, chosen.volumes, at),
      excludeBoot: chosen.excludeBoot,
      excludeVolumeIds: chosen.excluded,
      tags: commonTags(target, at),
    });
    if (!('result' in outcome)) return;
    for (const snapshot of outcome.result.snapshots)
      entry.snapshots.push({
        ...snapshot,
        device:
          target.volumes.find((one) => one.volumeId === snapshot.volumeId)
            ?.device ?? '',
      });
  };
  await (hooks.around ? hooks.around(target, call) : call());
}

async function retain(
  factory: AwsClientFactory,
  request: SnapshotAllRequest,
  accepted: ReadonlyMap<string, number>,
  made: readonly CreatedSnapshot[],
  at: Date,
  report: SnapshotAllReport,
  signal: AbortSignal | undefined,
): Promise<void> {
  const [own, images] = await Promise.all([
    ownSnapshots(factory, [...accepted.keys()], signal),
    imagesBySnapshot(factory, signal),
  ]);
  const justMade = new Set(made.map((one) => one.snapshotId));
  const snapshots = createSnapshotService(factory);
  for (const [volumeId, newCount] of accepted) {
    const decision = decideRetention(
      own.filter((one) => one.volumeId === volumeId),
      request.retention,
      { now: at, justMade, newCount, images },
    );
    report.keptForImages.push(...decision.keptForImages);
    for (const doomed of decision.delete) {
      if (request.dryRun) {
        report.deleted.push(doomed);
        continue;
      }
      signal?.throwIfAborted();
      try {
        // The service asks again whether an AMI uses it, just before the call.
        await snapshots.delete(doomed.snapshotId);
        report.deleted.push(doomed);
      } catch (error) {
        report.failures.push(
          `${doomed.snapshotId} of ${volumeId} not deleted: ${describeError(error)}`,
        );
      }
    }
  }
}
