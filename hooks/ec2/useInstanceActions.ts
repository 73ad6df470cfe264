import type { Command } from '../../source/keymap/index.js';
import type { InstanceRow } from '../../source/aws/ec2/types.js';
import { isOn } from '../../source/lib/form.js';
import {
  imageForm,
  imageRequest,
  rebootRequest,
  snapshotAllForm,
  snapshotAllRequest,
  startRequest,
  stopRequest,
  terminateRequest,
} from '../../source/panes/ec2/instance-dialogs.js';
import { useCharset } from '../context/charset-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useEbsCopyOpen } from '../wizards/ebs-copy/useEbsCopyOpen.js';
import { useInstanceGroups } from './useInstanceGroups.js';
import { useSshConnect } from './useSshConnect.js';
import { useSnapshotRetention } from './useSnapshotRetention.js';
import { useTagEditor } from './useTagEditor.js';
import { retentionFrom } from '../../source/panes/ec2/snapshot-all-dialogs.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';

const label = (rows: readonly InstanceRow[]) =>
  rows.length === 1 && rows[0]
    ? rows[0].name || rows[0].id
    : `${rows.length} instances`;

/** What the instance keys do: ask, then call the service, then say how it went. */
export function useInstanceActions(): (
  command: Command,
  context: PaneCommandContext<InstanceRow>,
) => void {
  const shell = useShellApi();
  const { glyphs } = useCharset();
  const confirmedWrite = useConfirmedWrite();
  const connect = useSshConnect();
  const editTags = useTagEditor();
  const changeGroups = useInstanceGroups();
  const moveToRegion = useEbsCopyOpen();
  const snapshotWithRetention = useSnapshotRetention();
  const service = shell.session.services.instances;

  return (command, { row, targets, refresh }) => {
    const ids = targets.map((target) => target.id);
    if (targets.length === 0) return;
    const one = row ?? targets[0];
    void (async () => {
      switch (command) {
        case 'instances.start':
          await confirmedWrite(startRequest(targets), ({ dryRun }) => ({
            what: `start ${label(targets)}`,
            source: 'ec2',
            call: () => service.start(ids, { dryRun }),
            refresh,
          }));
          return;
        case 'instances.stop':
          await confirmedWrite(stopRequest(targets), ({ dryRun, force }) => ({
            what: `${force ? 'force-stop' : 'stop'} ${label(targets)}`,
            source: 'ec2',
            call: () => service.stop(ids, { force, dryRun }),
            refresh,
          }));
          return;
        case 'instances.reboot':
          await confirmedWrite(rebootRequest(targets), ({ dryRun }) => ({
            what: `reboot ${label(targets)}`,
            source: 'ec2',
            call: () => service.reboot(ids, { dryRun }),
            refresh,
          }));
          return;
        case 'instances.terminate':
          await confirmedWrite(terminateRequest(targets), ({ dryRun }) => ({
            what: `terminate ${label(targets)}`,
            source: 'ec2',
            call: () => service.terminate(ids, { dryRun }),
            refresh,
          }));
          return;
        case 'instances.image': {
          if (!one) return;
          const values = await shell.ask(imageForm(one, new Date()));
          if (!values) return;
          const name = values['name'] ?? '';
          const noReboot = isOn(values, 'noReboot');
          const description = values['description'] ?? '';
          const rule = retentionFrom(values);
          if (rule !== undefined) {
            await snapshotWithRetention(one, description, rule, refresh);
            return;
          }
          await confirmedWrite<{ imageId: string }>(
            imageRequest(one, name, noReboot),
            ({ dryRun }) => ({
              what: `image ${name} of ${label([one])}`,
              source: 'ec2',
              call: () =>
                service.createImage(
                  one.id,
                  { name, noReboot, description },
                  { dryRun },
                ),
              done: (result) =>
                `image ${result?.imageId ?? ''} (${name}) started; progress in :snapshots`,
            }),
          );
          return;
        }
        case 'instances.snapshot': {
          if (!one) return;
          const values = await shell.ask(snapshotAllForm(one, new Date()));
          if (!values) return;
          const description = values['description'] ?? '';
          const rule = retentionFrom(values);
          if (rule !== undefined) {
            await snapshotWithRetention(one, description, rule, refresh);
            return;
          }
          await confirmedWrite<{ snapshotIds: readonly string[] }>(
            snapshotAllRequest(one, description),
            ({ dryRun }) => ({
              what: `snapshot the volumes of ${label([one])}`,
              source: 'ec2',
              call: () =>
                service.snapshotAll(one.id, { description }, { dryRun }),
              done: (result) =>
                `snapshots ${result?.snapshotIds.join(', ') ?? ''} started; :snapshots shows their progress`,
            }),
          );
          return;
        }
        case 'instances.groups':
          if (one) await changeGroups(one, refresh);
          return;
        case 'instances.tags':
          if (one) await editTags(label([one]), one.id, one.tags, refresh);
          return;
        case 'instances.console': {
          if (!one) return;
          shell.report(
            'info',
            'ec2',
            `reading the console output of ${label([one])}${glyphs.ellipsis}`,
          );
          const output = await service
            .consoleOutput(one.id)
            .catch((error: unknown) => error as Error);
          if (output instanceof Error)
            return shell.report(
              'error',
              'ec2',
              `console output of ${label([one])}: ${output.message}`,
            );
          const lines = output.split('\n');
          shell.pushDetail(`console output of ${label([one])}`, [
            {
              title: `${lines.length} lines, newest last (G jumps to the end)`,
              rows: lines.map((line) => ['', line] as const),
            },
          ]);
          return;
        }
        case 'instances.copyIp': {
          if (!one) return;
          const ip = one.publicIp || one.privateIp;
          if (ip)
            shell.copy(ip, `${one.publicIp ? 'public' : 'private'} IP ${ip}`);
          return;
        }
        case 'instances.connect':
          if (one) await connect(one);
          return;
        case 'instances.mysql': {
          const host = one?.publicDns || one?.publicIp;
          if (host) return shell.openAt('mysql', host);
          if (one)
            shell.report(
              'warn',
              'mysql',
              `${one.id} has no public DNS name or IP`,
            );
          return;
        }
        case 'instances.moveRegion':
          if (one)
            moveToRegion({ kind: 'instance', id: one.id, region: one.region });
          return;

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    })();
  };
}
