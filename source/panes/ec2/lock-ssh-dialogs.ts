/** What "lock SSH to me" asks: which addresses, then the plan. Pure. */
import { parseCidr } from '../../aws/ec2/security-groups/cidr.js';
import type {
  LockSshPlan,
  SshAddress,
} from '../../aws/ec2/security-groups/lock-ssh.js';
import type {
  GroupInstance,
  SecurityGroupRow,
} from '../../aws/ec2/security-groups/types.js';
import {
  checked,
  isOn,
  NO,
  YES,
  type FormSpec,
  type FormValues,
} from '../../lib/form.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';
import { ruleLine } from './groups-spec.js';

/** Where this host's address can come from, known before the form opens. */
export interface AddressCandidates {
  /** SSH_CLIENT / SSH_CONNECTION, as a /32 or /128. */
  readonly session: string | undefined;
  /** From the instance metadata, when on EC2. */
  readonly host: string | undefined;
  /** The configured "what is my IP" URL, asked only when chosen. */
  readonly hostUrl: string | undefined;
}

export function lockSshForm(
  group: SecurityGroupRow,
  candidates: AddressCandidates,
): FormSpec {
  const offerHost =
    candidates.host !== undefined || candidates.hostUrl !== undefined;
  return {
    title: `Lock SSH on ${group.name} (${group.id}) to`,
    submitLabel: 'Show the plan',
    fields: [
      ...(candidates.session === undefined
        ? []
        : [
            {
              name: 'session',
              label: candidates.session,
              kind: 'toggle' as const,
              hint: 'the address your SSH session comes from (SSH_CLIENT)',
              initial: YES,
            },
          ]),
      ...(!offerHost
        ? []
        : [
            {
              name: 'host',
              label: candidates.host ?? 'this host',
              kind: 'toggle' as const,
              hint:
                candidates.host === undefined
                  ? `this host's public address: asks ${candidates.hostUrl ?? ''} when chosen`
                  : "this host's public address (instance metadata)",
              initial:
                candidates.session === undefined &&
                candidates.host !== undefined
                  ? YES
                  : NO,
            },
          ]),
      {
        name: 'spare',
        label: 'Spare address',
        placeholder: 'a second office line, 198.51.100.0/28',
        validate: (value: string, values: FormValues) => {
          if (value.trim() !== '')
            return checked(() => parseCidr(value, 'spare'));
          const any = isOn(values, 'session') || isOn(values, 'host');
          return any ? undefined : 'spare: choose an address above or type one';
        },
      },
    ],
  };
}

/** The addresses the form chose; the host's is looked up by the caller when it is only a URL. */
export function chosenAddresses(
  values: FormValues,
  candidates: AddressCandidates,
  host: string | undefined,
): SshAddress[] {
  const chosen: SshAddress[] = [];
  if (isOn(values, 'session') && candidates.session !== undefined)
    chosen.push({ cidr: candidates.session, label: 'your SSH session' });
  if (isOn(values, 'host') && host !== undefined)
    chosen.push({ cidr: host, label: 'this host' });
  const spare = values['spare']?.trim() ?? '';
  if (spare !== '')
    chosen.push({ cidr: parseCidr(spare, 'spare'), label: 'spare' });
  return chosen;
}

export function lockSshRequest(
  group: SecurityGroupRow,
  plan: LockSshPlan,
  instances: readonly GroupInstance[],
  /** The operator's own session address is among the sources kept or added. */
  keepsOperator: boolean,
): ConfirmRequest {
  const names = instances.map((one) => one.name || one.id);
  return {
    level: keepsOperator ? 'yes-no' : 'typed',
    title: `Lock SSH on ${group.name} (${group.id}): adds first, then removes`,
    targets: [
      ...plan.add.map((rule) => `+ ${ruleLine(rule)}`),
      ...plan.remove.map((rule) => `- ${ruleLine(rule)}`),
      ...plan.kept.map((rule) => `= ${ruleLine(rule)} (there already)`),
    ],
    warnings: [
      `Instances affected: ${names.length === 0 ? 'none' : names.join(', ')}`,
      ...plan.warnings,
      ...(keepsOperator
        ? []
        : [
            "Your SSH session's address is not in the plan: you may lock yourself out.",
          ]),
    ],
    ...(keepsOperator
      ? {}
      : { expected: group.id, alsoAccepted: [group.name] }),
    action: 'Lock',
    options: [DRY_RUN_OPTION],
  };
}
