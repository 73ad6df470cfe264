/** What the group keys ask: a new group's form, deleting one, why one in use stays. Pure. */
import {
  checkDescription,
  checkGroupName,
} from '../../aws/ec2/security-groups/rule-input.js';
import type {
  GroupUser,
  SecurityGroupRow,
} from '../../aws/ec2/security-groups/types.js';
import type { Glyphs } from '../../lib/charset.js';
import { checked, required, type FormSpec } from '../../lib/form.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';

const label = (group: SecurityGroupRow) => `${group.name} (${group.id})`;

export function createGroupForm(
  vpcs: readonly string[],
  glyphs: Pick<Glyphs, 'leftRight'>,
): FormSpec {
  return {
    title: 'Create a security group',
    submitLabel: 'Create',
    fields: [
      {
        name: 'name',
        label: 'Name',
        validate: (value) => checked(() => checkGroupName(value)),
      },
      {
        name: 'description',
        label: 'Description',
        validate: (value) =>
          required('description')(value) ??
          checked(() => checkDescription(value)),
      },
      {
        name: 'vpc',
        label: 'VPC',
        kind: 'choice',
        choices: vpcs.length > 0 ? vpcs : [''],
        initial: vpcs[0] ?? '',
        hint: `${glyphs.leftRight} to choose; the group belongs to one VPC`,
      },
    ],
  };
}

export function deleteGroupRequest(group: SecurityGroupRow): ConfirmRequest {
  return {
    level: 'typed',
    title: `Delete ${label(group)}: this cannot be undone`,
    targets: [
      `${group.id}  ${group.name}  ${group.vpcId}  ${group.inbound.length} in, ${group.outbound.length} out`,
    ],
    warnings: [
      'Rules of other groups that name this one stop matching anything.',
    ],
    expected: group.id,
    alsoAccepted: [group.name],
    action: 'Delete',
    options: [DRY_RUN_OPTION],
  };
}

/** Why a group in use cannot be deleted, naming what uses it. */
export function inUseMessage(
  group: SecurityGroupRow,
  users: readonly GroupUser[],
): string {
  const names = users.map(
    (user) => user.instanceName || user.instanceId || user.interfaceId,
  );
  return `${group.name} is in use by ${names.join(', ')}: move them to other groups first (F on :instances)`;
}
