import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runSgCommand,
  type SgCommandName,
  type SgCommandOptions,
} from '../../../source/commands/sg/sg-command.js';
import { capturedIo } from '../../helpers/command-io.js';
import {
  WRITE_REGION,
  direct,
  moto,
  runMarker,
  useLabProfiles,
} from './ec2-lab.js';

describe.skipIf(!moto.info)(
  `opsdeck sg subcommands against moto${moto.missing}`,
  () => {
    useLabProfiles();
    let client: EC2Client;
    beforeAll(() => {
      client = direct(WRITE_REGION);
    });
    afterAll(() => client.destroy());

    async function run(
      name: SgCommandName,
      args: string[],
      options: Partial<SgCommandOptions> = {},
      answers: { typed?: string; yes?: boolean } = {},
      env: NodeJS.ProcessEnv = {},
    ) {
      const io = capturedIo(answers);
      const code = await runSgCommand(
        name,
        args,
        {
          profile: 'lab',
          region: WRITE_REGION,
          endpointUrl: moto.info?.endpoint,
          ...options,
        },
        io,
        {
          ...process.env,
          SSH_CLIENT: undefined,
          SSH_CONNECTION: undefined,
          OPSDECK_CONFIG: moto.info?.opsdeckConfigFile,
          ...env,
        },
      );
      return { code, out: io.stdout, err: io.stderr };
    }

    async function worldSshGroup(name: string) {
      const created = await client.send(
        new CreateSecurityGroupCommand({
          GroupName: name,
          Description: 'cli test',
        }),
      );
      await client.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: created.GroupId,
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: 22,
              ToPort: 22,
              IpRanges: [{ CidrIp: '0.0.0.0/0' }],
              Ipv6Ranges: [{ CidrIpv6: '::/0' }],
            },
          ],
        }),
      );
      return created.GroupId ?? '';
    }

    async function sshSources(groupId: string) {
      const found = await client.send(
        new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }),
      );
      return (found.SecurityGroups?.[0]?.IpPermissions ?? [])
        .filter((permission) => permission.FromPort === 22)
        .flatMap((permission) => [
          ...(permission.IpRanges ?? []).map((range) => range.CidrIp),
          ...(permission.Ipv6Ranges ?? []).map((range) => range.CidrIpv6),
        ])
        .sort();
    }

    it('ls prints every group with its flags, and --json one object per group', async () => {
      const name = `cli-ls-${runMarker()}`;
      const groupId = await worldSshGroup(name);
      const text = await run('ls', []);
      expect(text.code).toBe(0);
      expect(text.out.find((line) => line.startsWith(groupId))).toMatch(
        new RegExp(`${name} +2 in +1 out +0 eni  world:22 unused  cli test$`),
      );
      const json = await run('ls', [], { json: true });
      const parsed = json.out.map(
        (line) =>
          JSON.parse(line) as {
            id: string;
            flags: string[];
            inbound: unknown[];
          },
      );
      expect(parsed.find((group) => group.id === groupId)).toMatchObject({
        flags: ['world:22', 'unused'],
        inbound: [
          { protocol: 'tcp', fromPort: 22, toPort: 22, source: '0.0.0.0/0' },
          { protocol: 'tcp', fromPort: 22, toPort: 22, source: '::/0' },
        ],
      });
    });

    it('allow and revoke by group name, named service and CIDR; bad input names the field', async () => {
      const name = `cli-rules-${runMarker()}`;
      const groupId = await worldSshGroup(name);
      const allowed = await run('allow', [name, 'ssh', '198.51.100.7'], {
        description: 'office',
      });
      expect(allowed).toMatchObject({
        code: 0,
        out: [
          `allow tcp 22 from 198.51.100.7/32  "office" on ${groupId} (${name}): done`,
        ],
      });
      expect(await sshSources(groupId)).toEqual([
        '0.0.0.0/0',
        '198.51.100.7/32',
        '::/0',
      ]);
      const bad = await run('allow', [name, '70000', '10.0.0.0/8']);
      expect(bad.code).toBe(2);
      expect(bad.err.join('\n')).toMatch(/ports: 70000 is over 65535/);
      const hostBits = await run('allow', [name, 'mysql', '10.0.0.1/8']);
      expect(hostBits.err.join('\n')).toMatch(
        /source: 10.0.0.1\/8 has host bits set/,
      );
      const revoked = await run('revoke', [groupId, '22', '0.0.0.0/0'], {
        json: true,
      });
      expect(revoked.code).toBe(0);
      expect(JSON.parse(revoked.out[0] ?? '{}')).toMatchObject({
        group: groupId,
        done: true,
        removed: { source: '0.0.0.0/0' },
      });
      const missing = await run('revoke', [groupId, '22', '0.0.0.0/0']);
      expect(missing.code).toBe(1);
      expect(missing.err.join('\n')).toMatch(
        /has no inbound rule tcp 22 from 0.0.0.0\/0/,
      );
      const dry = await run('allow', [name, 'udp/53', '10.0.0.0/8'], {
        dryRun: true,
      });
      expect(dry).toMatchObject({
        code: 0,
        out: [
          expect.stringMatching(/^dry run: allow udp 53 .* would be allowed/),
        ],
      });
      expect(await sshSources(groupId)).toEqual(['198.51.100.7/32', '::/0']);
    });

    it('revoking the last rule that lets SSH in needs a typed ID, or --yes in a script', async () => {
      const name = `cli-last-${runMarker()}`;
      const groupId = await worldSshGroup(name);
      await run('revoke', [groupId, '22', '::/0'], { yes: true });
      const script = await run('revoke', [groupId, '22', '0.0.0.0/0']);
      expect(script.code).toBe(2);
      expect(script.err.join('\n')).toMatch(
        /last rule .* that lets SSH in[\s\S]*pass --yes/,
      );
      const wrong = await run(
        'revoke',
        [groupId, '22', '0.0.0.0/0'],
        {},
        { typed: 'web' },
      );
      expect(wrong.code).toBe(1);
      expect(await sshSources(groupId)).toEqual(['0.0.0.0/0']);
      const typed = await run(
        'revoke',
        [groupId, '22', '0.0.0.0/0'],
        {},
        { typed: groupId },
      );
      expect(typed.code).toBe(0);
      expect(await sshSources(groupId)).toEqual([]);
    });

    it("lock-ssh keeps only the session's address and the spare on 22", async () => {
      const name = `cli-lock-${runMarker()}`;
      const groupId = await worldSshGroup(name);
      const env = { SSH_CLIENT: '198.51.100.7 50022 22' };
      const script = await run('lock-ssh', [name], {}, {}, env);
      expect(script.code).toBe(2);
      expect(script.err).toContain(
        '  + in  tcp 22 from 198.51.100.7/32  "ssh: your SSH session"',
      );
      expect(script.err).toContain('  - in  tcp 22 from 0.0.0.0/0');
      expect(await sshSources(groupId)).toEqual(['0.0.0.0/0', '::/0']);
      const locked = await run(
        'lock-ssh',
        [name],
        { yes: true, json: true },
        {},
        env,
      );
      expect(locked.code).toBe(0);
      expect(JSON.parse(locked.out[0] ?? '{}')).toMatchObject({
        added: 1,
        removed: 2,
        sources: ['198.51.100.7/32'],
      });
      expect(await sshSources(groupId)).toEqual(['198.51.100.7/32']);
      const spare = await run(
        'lock-ssh',
        [groupId],
        { to: ['198.51.100.7/32', '203.0.113.9'] },
        { typed: groupId },
      );
      expect(spare.code).toBe(0);
      expect(await sshSources(groupId)).toEqual([
        '198.51.100.7/32',
        '203.0.113.9/32',
      ]);
      const nowhere = await run('lock-ssh', [groupId]);
      expect(nowhere.code).toBe(2);
      expect(nowhere.err.join('\n')).toMatch(/not in an SSH session.*--to/);
    });

    it('refuses every write with --read-only before any call', async () => {
      const name = `cli-ro-${runMarker()}`;
      const groupId = await worldSshGroup(name);
      for (const [command, args] of [
        ['allow', [name, '22', '10.0.0.0/8']],
        ['revoke', [name, '22', '0.0.0.0/0']],
        ['lock-ssh', [name, '--to', '10.0.0.0/8']],
      ] as const) {
        const result = await run(command, [...args], {
          readOnly: true,
          yes: true,
          to: ['10.0.0.0/8'],
        });
        expect(result.code).toBe(1);
        expect(result.err.join('\n')).toMatch(
          `read-only: sg ${command} was not run`,
        );
      }
      expect(await sshSources(groupId)).toEqual(['0.0.0.0/0', '::/0']);
    });

    it('--this-host adds the public address from the instance metadata', async () => {
      const name = `cli-host-${runMarker()}`;
      const groupId = await worldSshGroup(name);
      const result = await run(
        'lock-ssh',
        [name],
        { thisHost: true, yes: true },
        {},
        {
          SSH_CLIENT: '198.51.100.7 50022 22',
          AWS_EC2_METADATA_SERVICE_ENDPOINT: moto.info?.endpoint,
        },
      );
      expect(result.code).toBe(0);
      // moto's metadata answers 198.51.100.1 for every caller.
      expect(await sshSources(groupId)).toEqual([
        '198.51.100.1/32',
        '198.51.100.7/32',
      ]);
    });
  },
);
