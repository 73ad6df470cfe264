import type { Command } from '../../source/keymap/index.js';
import type { VolumeRow } from '../../source/aws/ec2/types.js';
import { describeError } from '../../source/lib/errors.js';
import {
  attachForm,
  attachRequest,
  deleteVolumeRequest,
  detachRequest,
  volumeSnapshotForm,
  volumeSnapshotRequest,
} from '../../source/panes/ec2/volume-dialogs.js';
import { useCharset } from '../context/charset-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useEbsCopyOpen } from '../wizards/ebs-copy/useEbsCopyOpen.js';
import { usePickers } from './usePickers.js';
import { useTagEditor } from './useTagEditor.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';
import {
  modifyForm,
  modifyRequest,
  volumeChange,
} from '../../source/panes/ec2/volume-modify-dialogs.js';
import {
  createVolumeForm,
  createVolumeRequest,
  volumeSpecFrom,
} from '../../source/panes/ec2/volume-create-dialogs.js';

/** What the volume keys do. */
export function useVolumeActions(): (
  command: Command,
  context: PaneCommandContext<VolumeRow>,
) => void {
  const shell = useShellApi();
  const { glyphs } = useCharset();
  const confirmedWrite = useConfirmedWrite();
  const pickers = usePickers();
  const editTags = useTagEditor();
  const moveToRegion = useEbsCopyOpen();
  const service = shell.session.services.volumes;

  return (command, { row, refresh }) => {
    void (async () => {
      if (command === 'volumes.create') {
        const zones = await service
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
        const values = await shell.ask(createVolumeForm(zones, glyphs));
        if (!values) return;
        const spec = volumeSpecFrom(values);
        await confirmedWrite<{ volumeId: string }>(
          createVolumeRequest(spec),
          ({ dryRun }) => ({
            what: `create a volume in ${spec.az}`,
            source: 'ec2',
            call: () => service.create(spec, { dryRun }),
            done: (result) => `created ${result?.volumeId ?? ''}`,
            refresh,
          }),
        );
        return;
      }
      if (!row) return;
      const name = row.name || row.id;
      switch (command) {
        case 'volumes.attach': {
          if (row.state !== 'available')
            return shell.report(
              'warn',
              'ec2',
              `${name} is ${row.state}: only an available volume can be attached`,
            );
          const instance = await pickers.instance(
            `Attach ${name} to (instances in ${row.az})`,
            (candidate) =>
              candidate.az === row.az &&
              (candidate.state === 'running' || candidate.state === 'stopped'),
            `no running or stopped instance in ${row.az}, the volume's zone`,
          );
          if (!instance) return;
          const values = await shell.ask(attachForm(row, instance, glyphs));
          const device = values?.['device'];
          if (!device) return;
          await confirmedWrite(
            attachRequest(row, instance, device),
            ({ dryRun }) => ({
              what: `attach ${name} to ${instance.name || instance.id} as ${device}`,
              source: 'ec2',
              call: () =>
                service.attach(row.id, instance.id, device, { dryRun }),
              refresh,
            }),
          );
          return;
        }
        case 'volumes.detach': {
          if (row.attachments.length === 0)
            return shell.report('warn', 'ec2', `${name} is not attached`);
          await confirmedWrite(detachRequest(row), ({ dryRun, force }) => ({
            what: `${force ? 'force-detach' : 'detach'} ${name}`,
            source: 'ec2',
            call: () => service.detach(row.id, { force }, { dryRun }),
            refresh,
          }));
          return;
        }
        case 'volumes.snapshot': {
          const values = await shell.ask(volumeSnapshotForm(row, new Date()));
          if (!values) return;
          const description = values['description'] ?? '';
          await confirmedWrite<{ snapshotId: string }>(
            volumeSnapshotRequest(row, description),
            ({ dryRun }) => ({
              what: `snapshot ${name}`,
              source: 'ec2',
              call: () =>
                service.snapshot(
                  row.id,
                  { description, tags: row.tags },
                  { dryRun },
                ),
              done: (result) =>
                `snapshot ${result?.snapshotId ?? ''} started; :snapshots shows its progress`,
            }),
          );
          return;
        }
        case 'volumes.modify': {
          const values = await shell.ask(modifyForm(row));
          if (!values) return;
          const { change, lines } = volumeChange(row, values);
          if (lines.length === 0)
            return shell.report('info', 'ec2', `${name} is unchanged`);
          await confirmedWrite(modifyRequest(row, lines), ({ dryRun }) => ({
            what: `modify ${name}`,
            source: 'ec2',
            call: () => service.modify(row.id, change, { dryRun }),
            refresh,
          }));
          return;
        }
        case 'volumes.delete': {
          if (row.attachments.length > 0)
            return shell.report(
              'warn',
              'ec2',
              `${name} is attached: u detaches it first`,
            );
          await confirmedWrite(deleteVolumeRequest(row), ({ dryRun }) => ({
            what: `delete ${name}`,
            source: 'ec2',
            call: () => service.delete(row.id, { dryRun }),
            refresh,
          }));
          return;
        }
        case 'volumes.tags':
          return editTags(name, row.id, row.tags, refresh);
        case 'volumes.moveRegion':
          return moveToRegion({
            kind: 'volume',
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
