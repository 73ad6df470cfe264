import { useCallback, useMemo } from 'react';
import {
  isEmptyPlan,
  planLockSsh,
} from '../../source/aws/ec2/security-groups/lock-ssh.js';
import { runLockSsh } from '../../source/aws/ec2/security-groups/lock-ssh-run.js';
import {
  metadataAddress,
  sessionAddress,
  urlAddress,
} from '../../source/aws/ec2/security-groups/my-address.js';
import type { SecurityGroupRow } from '../../source/aws/ec2/security-groups/types.js';
import { describeError } from '../../source/lib/errors.js';
import {
  addRuleForm,
  addRuleRequest,
  ruleFromForm,
} from '../../source/panes/ec2/rule-dialogs.js';
import {
  chosenAddresses,
  lockSshForm,
  lockSshRequest,
} from '../../source/panes/ec2/lock-ssh-dialogs.js';
import { isOn } from '../../source/lib/form.js';
import { useCancellable } from '../actions/useCancellable.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';

export interface GroupWrites {
  readonly addRule: (
    group: SecurityGroupRow,
    refresh: () => void,
  ) => Promise<void>;
  readonly lockSsh: (
    group: SecurityGroupRow,
    refresh: () => void,
  ) => Promise<void>;
}

/** Adding a rule and locking SSH, the same from the groups pane and a group's rules. */
export function useGroupWrites(): GroupWrites {
  const deps = useAppDeps();
  const shell = useShellApi();
  const confirmedWrite = useConfirmedWrite();
  const cancellable = useCancellable();
  const service = shell.session.services.securityGroups;
  const { report, ask } = shell;

  /** Fresh lists, so names resolve and plans start from the rules as they are now. */
  const fresh = useCallback(
    (what: string) =>
      cancellable((signal) => service.list(signal)).catch((error: unknown) => {
        report('error', 'ec2', `${what}: ${describeError(error)}`);
        return undefined;
      }),
    [cancellable, service, report],
  );

  const addRule = useCallback(
    async (group: SecurityGroupRow, refresh: () => void) => {
      const groups = await fresh('add a rule');
      if (!groups) return;
      const byName = (name: string) =>
        groups.find((one) => one.name === name && one.vpcId === group.vpcId)
          ?.id;
      const values = await ask(addRuleForm(group, byName));
      if (!values) return;
      const rule = ruleFromForm(values, byName);
      await confirmedWrite(
        addRuleRequest(group, rule, group.interfaces),
        ({ dryRun }) => ({
          what: `add a rule to ${group.name}`,
          source: 'ec2',
          call: () => service.authorize(group.id, [rule], { dryRun }),
          refresh,
        }),
      );
    },
    [ask, confirmedWrite, fresh, service],
  );

  const lockSsh = useCallback(
    async (group: SecurityGroupRow, refresh: () => void) => {
      const session = sessionAddress(deps.env);
      const candidates = {
        session,
        host: await metadataAddress(deps.env),
        hostUrl: deps.config.config.ec2.myIpUrl,
      };
      const values = await ask(lockSshForm(group, candidates));
      if (!values) return;
      let host = candidates.host;
      if (
        isOn(values, 'host') &&
        host === undefined &&
        candidates.hostUrl !== undefined
      ) {
        // The only network call that leaves AWS, made because the operator chose it.
        try {
          host = await urlAddress(candidates.hostUrl);
        } catch (error) {
          return report(
            'error',
            'ec2',
            `this host's address: ${describeError(error)}`,
          );
        }
      }
      const chosen = chosenAddresses(values, candidates, host);
      const groups = await fresh('lock SSH');
      const current = groups?.find((one) => one.id === group.id);
      if (!current) return;
      const plan = planLockSsh(current, chosen);
      if (isEmptyPlan(plan))
        return report(
          'info',
          'ec2',
          `lock SSH on ${group.name}: nothing to change${plan.warnings.length > 0 ? ` (${plan.warnings.join('; ')})` : ''}`,
        );
      const instances = await cancellable((signal) =>
        service.instances(group.id, signal),
      ).catch(() => []);
      const keepsOperator =
        session !== undefined && chosen.some((one) => one.cidr === session);
      await confirmedWrite<{ added: number; removed: number }>(
        lockSshRequest(current, plan, instances, keepsOperator),
        ({ dryRun }) => ({
          what: `lock SSH on ${group.name}`,
          source: 'ec2',
          call: () => runLockSsh(service, group.id, plan, { dryRun }),
          done: () =>
            `lock SSH on ${group.name}: SSH only from ${chosen.map((one) => one.cidr).join(', ')}`,
          refresh,
        }),
      );
    },
    [ask, cancellable, confirmedWrite, deps, fresh, report, service],
  );

  return useMemo(() => ({ addRule, lockSsh }), [addRule, lockSsh]);
}
