/**
 * What `opsdeck ec2 snapshot-all` prints: plain lines fit for cron mail (one
 * fact a line: made, deleted, kept for an image, failed), or one JSON document.
 */
import type { SnapshotAllReport } from '../../aws/ec2/snapshot-all/snapshot-all.js';
import type { SnapshotProgress } from '../../aws/ec2/snapshot-all/own-snapshots.js';
import { jsonLine, type CommandIo } from '../command-io.js';

function who(instanceId: string, name: string): string {
  return name === '' ? instanceId : `${instanceId} (${name})`;
}

export function printReport(
  report: SnapshotAllReport,
  notes: readonly string[],
  json: boolean,
  io: CommandIo,
): void {
  if (json) {
    io.out(jsonLine({ ...report, notes, ok: report.failures.length === 0 }));
    return;
  }
  for (const note of notes) io.out(note);
  for (const instance of report.instances) {
    if (report.dryRun) {
      if (instance.volumes.length > 0)
        io.out(
          `would snapshot ${who(instance.instanceId, instance.name)}: ${instance.volumes.map((volume) => `${volume.volumeId} ${volume.device}`).join(', ')}`,
        );
      continue;
    }
    for (const snapshot of instance.snapshots)
      io.out(
        `made ${snapshot.snapshotId} of ${snapshot.volumeId} ${snapshot.device} on ${who(instance.instanceId, instance.name)}${snapshot.state === undefined ? '' : ` (${snapshot.state})`}`,
      );
  }
  for (const snapshot of report.deleted)
    io.out(
      `${report.dryRun ? 'would delete' : 'deleted'} ${snapshot.snapshotId} of ${snapshot.volumeId} made ${snapshot.made.toISOString()}`,
    );
  for (const kept of report.keptForImages)
    io.out(
      `kept ${kept.snapshotId} of ${kept.volumeId}: image ${kept.imageId}${kept.imageName === '' ? '' : ` (${kept.imageName})`} uses it`,
    );
  for (const failure of report.failures) io.err(`failed: ${failure}`);
  const made = report.instances.reduce(
    (sum, instance) =>
      sum +
      (report.dryRun ? instance.volumes.length : instance.snapshots.length),
    0,
  );
  io.out(
    `${report.dryRun ? 'dry run: ' : ''}${String(made)} snapshot${made === 1 ? '' : 's'} ${report.dryRun ? 'to make' : 'made'}, ${String(report.deleted.length)} ${report.dryRun ? 'to delete' : 'deleted'}, ${String(report.keptForImages.length)} kept for images, ${String(report.failures.length)} failed`,
  );
}

/** --wait: a redrawn line on a terminal; otherwise a line as each snapshot finishes. */
export function waitPrinter(
  io: CommandIo,
): (states: readonly SnapshotProgress[]) => void {
  const told = new Set<string>();
  return (states) => {
    if (io.progress) {
      const done = states.filter((one) => one.state !== 'pending').length;
      const percent = Math.round(
        states.reduce((sum, one) => sum + one.progress, 0) /
          Math.max(states.length, 1),
      );
      io.progress(
        done === states.length
          ? undefined
          : `waiting: ${String(done)}/${String(states.length)} snapshots done, ${String(percent)}%`,
      );
      return;
    }
    for (const one of states)
      if (one.state !== 'pending' && !told.has(one.snapshotId)) {
        told.add(one.snapshotId);
        io.out(`${one.snapshotId} ${one.state}`);
      }
  };
}
