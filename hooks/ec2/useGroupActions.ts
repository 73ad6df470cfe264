import type { SecurityGroupRow } from '../../source/aws/ec2/security-groups/types.js';
import type { Command } from '../../source/keymap/index.js';
import { describeError } from '../../source/lib/errors.js';
import {
  createGroupForm,
  deleteGroupRequest,
  inUseMessage,
} from '../../source/panes/ec2/group-dialogs.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import { useCharset } from '../context/charset-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useGroupWrites } from './useGroupWrites.js';

/** What the keys of the security-groups pane do. */
export function useGroupActions(): (
  command: Command,
  context: PaneCommandContext<SecurityGroupRow>,
) => void {
  const shell = useShellApi();
  const { glyphs } = useCharset();
  const confirmedWrite = useConfirmedWrite();
  const writes = useGroupWrites();
  const service = shell.session.services.securityGroups;
  const fail = (what: string) => (error: unknown) => {
    shell.report('error', 'ec2', `${what}: ${describeError(error)}`);
    return undefined;
  };

  return (command, { row, refresh }) => {
    void (async () => {
      if (command === 'groups.create') {
        const vpcs = await service.vpcs().catch(fail('cannot list VPCs'));
        if (!vpcs) return;
        const values = await shell.ask(createGroupForm(vpcs, glyphs));
        if (!values) return;
        const group = {
          name: values['name']?.trim() ?? '',
          description: values['description'] ?? '',
          vpcId: values['vpc'] ?? '',
        };
        await confirmedWrite<{ groupId: string }>(
          {
            level: 'yes-no',
            title: `Create security group ${group.name}`,
            targets: [`${group.name}  ${group.vpcId}  "${group.description}"`],
            warnings: [
              'A new group lets nothing in and everything out until rules are added.',
            ],
            action: 'Create',
          },
          () => ({
            what: `create ${group.name}`,
            source: 'ec2',
            call: () => service.create(group),
            done: (result) =>
              `created ${group.name} (${result?.groupId ?? ''})`,
            refresh,
          }),
        );
        return;
      }
      if (!row) return;
      switch (command) {
        case 'groups.lockSsh':
          return writes.lockSsh(row, refresh);
        case 'groups.addRule':
          return writes.addRule(row, refresh);
        case 'groups.delete': {
          const users = await service
            .users(row.id)
            .catch(fail(`delete ${row.name}`));
          if (!users) return;
          if (users.length > 0)
            return shell.report('warn', 'ec2', inUseMessage(row, users));
          await confirmedWrite(deleteGroupRequest(row), ({ dryRun }) => ({
            what: `delete ${row.name}`,
            source: 'ec2',
            call: () => service.delete(row.id, { dryRun }),
            refresh,
          }));
          return;
        }
        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    })();
  };
}
