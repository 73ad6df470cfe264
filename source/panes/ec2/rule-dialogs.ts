/** What the rule keys ask: the add form, removal (typed for the last SSH rule), a description. Pure. */
import {
  checkDescription,
  parsePeer,
  parsePorts,
  PROTOCOLS,
} from '../../aws/ec2/security-groups/rule-input.js';
import { coversTcpPort } from '../../aws/ec2/security-groups/rules.js';
import type {
  RuleSpec,
  SecurityGroupRow,
} from '../../aws/ec2/security-groups/types.js';
import { checked, type FormSpec, type FormValues } from '../../lib/form.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';
import { ruleLine } from './groups-spec.js';

const label = (group: SecurityGroupRow) => `${group.name} (${group.id})`;

export function addRuleForm(
  group: SecurityGroupRow,
  groupByName: (name: string) => string | undefined,
): FormSpec {
  return {
    title: `Add a rule to ${label(group)}`,
    submitLabel: 'Add',
    fields: [
      {
        name: 'direction',
        label: 'Direction',
        kind: 'choice',
        choices: ['in', 'out'],
        initial: 'in',
      },
      {
        name: 'protocol',
        label: 'Protocol',
        kind: 'choice',
        choices: PROTOCOLS,
        initial: 'tcp',
        hint: 'a named service in Ports (ssh, mysql, dns) sets it',
      },
      {
        name: 'ports',
        label: 'Ports',
        placeholder: '22, 8000-8100, ssh, https; ICMP: 8 or 3/4',
        validate: (value, values) =>
          checked(() => parsePorts(value, values['protocol'] ?? 'tcp')),
      },
      {
        name: 'source',
        label: 'Source',
        placeholder: '203.0.113.7/32, sg-... or a group name, pl-...',
        validate: (value, values) =>
          checked(() =>
            parsePeer(
              value,
              groupByName,
              values['direction'] === 'out' ? 'destination' : 'source',
            ),
          ),
      },
      {
        name: 'description',
        label: 'Description',
        validate: (value) => checked(() => checkDescription(value)),
      },
    ],
  };
}

/** The rule a filled-in add form describes; the form has validated every field. */
export function ruleFromForm(
  values: FormValues,
  groupByName: (name: string) => string | undefined,
): RuleSpec {
  const direction = values['direction'] === 'out' ? 'out' : 'in';
  return {
    direction,
    ...parsePorts(values['ports'] ?? '', values['protocol'] ?? 'tcp'),
    peer: parsePeer(
      values['source'] ?? '',
      groupByName,
      direction === 'in' ? 'source' : 'destination',
    ),
    description: values['description'] ?? '',
  };
}

export function addRuleRequest(
  group: SecurityGroupRow,
  rule: RuleSpec,
  instances: number,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Add a rule to ${label(group)}`,
    targets: [`${rule.direction} ${ruleLine(rule)}`],
    warnings: [
      `Takes effect at once on every interface using the group (${instances}).`,
    ],
    action: 'Add',
    options: [DRY_RUN_OPTION],
  };
}

/** True when, without `rule`, nothing lets SSH in any more. */
function isLastSshRule(group: SecurityGroupRow, rule: RuleSpec): boolean {
  return (
    rule.direction === 'in' &&
    coversTcpPort(rule, 22) &&
    !group.inbound.some((other) => other !== rule && coversTcpPort(other, 22))
  );
}

export function removeRuleRequest(
  group: SecurityGroupRow,
  rule: RuleSpec,
): ConfirmRequest {
  const last = isLastSshRule(group, rule);
  return {
    level: last ? 'typed' : 'yes-no',
    title: `Remove a rule from ${label(group)}`,
    targets: [
      `${rule.direction} ${ruleLine(rule)}${rule.description ? `  "${rule.description}"` : ''}`,
    ],
    warnings: [
      ...(last
        ? [
            'This is the last rule that lets SSH in: without it nobody reaches these instances over SSH, you included.',
          ]
        : []),
      `Takes effect at once on every interface using the group (${group.interfaces}).`,
    ],
    ...(last ? { expected: group.id, alsoAccepted: [group.name] } : {}),
    action: 'Remove',
    options: [DRY_RUN_OPTION],
  };
}

export function describeRuleForm(rule: RuleSpec): FormSpec {
  return {
    title: `Description of ${rule.direction} ${ruleLine(rule)}`,
    submitLabel: 'Save',
    fields: [
      {
        name: 'description',
        label: 'Description',
        initial: rule.description,
        validate: (value) => checked(() => checkDescription(value)),
      },
    ],
  };
}
