import type { Command } from '../../source/keymap/index.js';
import type { AddressRow } from '../../source/aws/ec2/types.js';
import {
  allocateRequest,
  associateRequest,
  disassociateRequest,
  moveRequest,
  releaseRequest,
} from '../../source/panes/ec2/eip-dialogs.js';
import { useShellApi } from '../context/shell-context.js';
import { usePickers } from './usePickers.js';
import { useTagEditor } from './useTagEditor.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';

const PICKABLE = new Set(['running', 'stopped', 'pending', 'stopping']);

/** What the Elastic IP keys do. */
export function useAddressActions(): (
  command: Command,
  context: PaneCommandContext<AddressRow>,
) => void {
  const shell = useShellApi();
  const confirmedWrite = useConfirmedWrite();
  const pickers = usePickers();
  const editTags = useTagEditor();
  const service = shell.session.services.addresses;
  const region = shell.session.settings.region;

  return (command, { row, refresh }) => {
    void (async () => {
      if (command === 'eips.allocate') {
        await confirmedWrite<{ allocationId: string; publicIp: string }>(
          allocateRequest(region),
          ({ dryRun }) => ({
            what: 'allocate an Elastic IP',
            source: 'ec2',
            call: () => service.allocate({}, { dryRun }),
            done: (result) =>
              `allocated ${result?.publicIp ?? ''} (${result?.allocationId ?? ''})`,
            refresh,
          }),
        );
        return;
      }
      if (!row) return;
      switch (command) {
        case 'eips.associate': {
          if (row.associationId)
            return shell.report(
              'warn',
              'ec2',
              `${row.publicIp} is on ${row.instanceName || row.instanceId} already: M moves it`,
            );
          const target = await pickers.instance(
            `Associate ${row.publicIp} with`,
            (instance) => PICKABLE.has(instance.state),
            `no instance in ${region} to associate with`,
          );
          if (!target) return;
          await confirmedWrite(associateRequest(row, target), ({ dryRun }) => ({
            what: `associate ${row.publicIp} with ${target.name || target.id}`,
            source: 'ec2',
            call: () =>
              service.associate(
                row.allocationId,
                { instanceId: target.id },
                { dryRun },
              ),
            refresh,
          }));
          return;
        }
        case 'eips.move': {
          if (!row.associationId)
            return shell.report(
              'warn',
              'ec2',
              `${row.publicIp} is not associated: A associates it`,
            );
          const target = await pickers.instance(
            `Move ${row.publicIp} to`,
            (instance) =>
              PICKABLE.has(instance.state) && instance.id !== row.instanceId,
            `no other instance in ${region}`,
          );
          if (!target) return;
          await confirmedWrite<{ associationId: string; millis: number }>(
            moveRequest(row, target),
            ({ dryRun }) => ({
              what: `move ${row.publicIp} to ${target.name || target.id}`,
              source: 'ec2',
              call: () => service.move(row.allocationId, target.id, { dryRun }),
              done: (result) =>
                `moved ${row.publicIp} to ${target.name || target.id} in ${result?.millis ?? '?'} ms`,
              refresh,
            }),
          );
          return;
        }
        case 'eips.disassociate': {
          if (!row.associationId)
            return shell.report(
              'warn',
              'ec2',
              `${row.publicIp} is not associated`,
            );
          await confirmedWrite(disassociateRequest(row), ({ dryRun }) => ({
            what: `disassociate ${row.publicIp}`,
            source: 'ec2',
            call: () => service.disassociate(row.associationId, { dryRun }),
            refresh,
          }));
          return;
        }
        case 'eips.release': {
          if (row.associationId)
            return shell.report(
              'warn',
              'ec2',
              `${row.publicIp} is on ${row.instanceName || row.instanceId}: U disassociates it first`,
            );
          await confirmedWrite(releaseRequest(row), ({ dryRun }) => ({
            what: `release ${row.publicIp}`,
            source: 'ec2',
            call: () => service.release(row.allocationId, { dryRun }),
            refresh,
          }));
          return;
        }
        case 'eips.tags':
          return editTags(row.publicIp, row.allocationId, row.tags, refresh);
        case 'eips.copyIp':
          return shell.copy(row.publicIp, row.publicIp);

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    })();
  };
}
