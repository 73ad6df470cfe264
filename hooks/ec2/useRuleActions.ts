import type { Command } from '../../source/keymap/index.js';
import {
  describeRuleForm,
  removeRuleRequest,
} from '../../source/panes/ec2/rule-dialogs.js';
import type { RulesRow } from '../../source/panes/ec2/rules-spec.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import { useShellApi } from '../context/shell-context.js';
import { useGroupWrites } from './useGroupWrites.js';

/** What the keys of one group's rules do. */
export function useRuleActions(): (
  command: Command,
  context: PaneCommandContext<RulesRow>,
) => void {
  const shell = useShellApi();
  const confirmedWrite = useConfirmedWrite();
  const writes = useGroupWrites();
  const service = shell.session.services.securityGroups;

  return (command, { row, refresh }) => {
    void (async () => {
      if (!row) return;
      const { group } = row;
      if (command === 'rules.lockSsh') return writes.lockSsh(group, refresh);
      if (command === 'rules.addRule') return writes.addRule(group, refresh);
      if (command !== 'rules.remove' && command !== 'rules.describe') return;
      if (row.kind !== 'rule')
        return shell.report(
          'warn',
          'ec2',
          `${row.instance.name || row.instance.id} is an instance using the group, not a rule`,
        );
      const { rule } = row;
      if (command === 'rules.remove') {
        await confirmedWrite(removeRuleRequest(group, rule), ({ dryRun }) => ({
          what: `remove a rule from ${group.name}`,
          source: 'ec2',
          call: () => service.revoke(group.id, [rule], { dryRun }),
          refresh,
        }));
        return;
      }
      const values = await shell.ask(describeRuleForm(rule));
      if (!values) return;
      const description = values['description'] ?? '';
      await confirmedWrite(
        {
          level: 'yes-no',
          title: `Describe a rule of ${group.name} (${group.id})`,
          targets: [`"${rule.description}" -> "${description}"`],
          action: 'Save',
        },
        () => ({
          what: `describe a rule of ${group.name}`,
          source: 'ec2',
          call: () => service.describeRule(group.id, rule, description),
          refresh,
        }),
      );
    })();
  };
}
