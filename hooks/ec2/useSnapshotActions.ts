import type { Command } from '../../source/keymap/index.js';
import type { SnapshotRow } from '../../source/aws/ec2/types.js';
import { describeError } from '../../source/lib/errors.js';
import { isOn, wholeNumber } from '../../source/lib/form.js';
import {
  copyForm,
  copyRequest,
  deleteSnapshotRequest,
  volumeFromSnapshotForm,
  volumeFromSnapshotRequest,
} from '../../source/panes/ec2/snapshot-dialogs.js';
import { useShellApi } from '../context/shell-context.js';
import { useEbsCopyOpen } from '../wizards/ebs-copy/useEbsCopyOpen.js';
import { usePickers } from './usePickers.js';
import { useTagEditor } from './useTagEditor.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';

/** What the snapshot keys do. */
export function useSnapshotActions(): (
  command: Command,
  context: PaneCommandContext<SnapshotRow>,
) => void {
  const shell = useShellApi();
  const confirmedWrite = useConfirmedWrite();
  const pickers = usePickers();
  const editTags = useTagEditor();
  const moveToRegion = useEbsCopyOpen();
  const service = shell.session.services.snapshots;
  const region = shell.session.settings.region;

  return (command, { row, refresh }) => {
    if (!row) return;
    const name = row.name || row.id;
    void (async () => {
      switch (command) {
        case 'snapshots.volume': {
          if (row.state !== 'completed')
            return shell.report(
              'warn',
              'ec2',
              `${name} is ${row.state}: wait until it is completed`,
            );
          const zones = await shell.session.services.volumes
            .availabilityZones()
            .catch(
              (error: unknown) => (
                shell.report(
                  'error',
                  'ec2',
                  `cannot list zones: ${describeError(error)}`,
                ),
                undefined
              ),
            );
          if (!zones) return;
          const values = await shell.ask(volumeFromSnapshotForm(row, zones));
          if (!values) return;
          const zone = values['zone'] ?? '';
          const type = values['type'] ?? 'gp3';
          const size = wholeNumber(values['size'] ?? '');
          await confirmedWrite<{ volumeId: string }>(
            volumeFromSnapshotRequest(row, zone, type, size),
            ({ dryRun }) => ({
              what: `create a volume from ${name}`,
              source: 'ec2',
              call: () =>
                service.createVolume(
                  row.id,
                  { az: zone, type, ...(size === undefined ? {} : { size }) },
                  { dryRun },
                ),
              done: (result) =>
                `created ${result?.volumeId ?? ''} in ${zone}; :volumes shows it`,
            }),
          );
          return;
        }
        case 'snapshots.copy': {
          const target = await pickers.region(`Copy ${name} to`);
          if (!target) return;
          const values = await shell.ask(copyForm(row, region, target));
          if (!values) return;
          await confirmedWrite<{ snapshotId: string; region: string }>(
            copyRequest(row, target, values),
            ({ dryRun }) => ({
              what: `copy ${name} to ${target}`,
              source: 'ec2',
              call: () =>
                service.copy(
                  row.id,
                  {
                    targetRegion: target,
                    description: values['description'] ?? '',
                    encrypted: isOn(values, 'encrypted'),
                  },
                  { dryRun },
                ),
              done: (result) =>
                `copy ${result?.snapshotId ?? ''} started in ${target}${target === region ? '' : `; follow it with :region ${target}`}`,
              refresh,
            }),
          );
          return;
        }
        case 'snapshots.delete': {
          await confirmedWrite(deleteSnapshotRequest(row), ({ dryRun }) => ({
            what: `delete ${name}`,
            source: 'ec2',
            call: () => service.delete(row.id, { dryRun }),
            refresh,
          }));
          return;
        }
        case 'snapshots.tags':
          return editTags(name, row.id, row.tags, refresh);
        case 'snapshots.moveRegion':
          return moveToRegion({
            kind: 'snapshot',
            id: row.id,
            region: row.region,
          });

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    })();
  };
}
