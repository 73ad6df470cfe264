/**
 * `opsdeck eip failover|guard|claim` against moto, with small local servers
 * as the health targets (the config's checkTargets) and a local IMDSv2 that
 * answers a real moto instance ID. Writes only in eu-north-1, which nothing
 * else in the lab uses.
 */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DescribeAddressesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEipClaim } from '../../../source/commands/eip/claim-command.js';
import { runEipFailover } from '../../../source/commands/eip/failover-command.js';
import { runEipGuard } from '../../../source/commands/eip/guard-command.js';
import { readHistory } from '../../../source/failover/history.js';
import { createFailoverService } from '../../../source/failover/console-service.js';
import { switchRefusal } from '../../../source/failover/pair-row.js';
import { failoverPairSchema } from '../../../source/config/failover-schema.js';
import { capturedIo } from '../../helpers/command-io.js';
import {
  startHealthServer,
  type HealthServer,
} from '../../helpers/health-servers.js';
import {
  direct,
  labFactory,
  launch,
  moto,
  runMarker,
  useLabProfiles,
} from './ec2-lab.js';

const REGION = 'eu-north-1';

describe.skipIf(!moto.info)(
  `Elastic IP failover against moto${moto.missing}`,
  () => {
    useLabProfiles();
    const marker = runMarker();
    const names = { a: `lb-a-${marker}`, b: `lb-b-${marker}` };
    let client: EC2Client;
    let ids: { a: string; b: string };
    let eip = { allocationId: '', publicIp: '' };
    let servers: { a: HealthServer; b: HealthServer };
    let dir: string;
    const env = () => ({
      ...process.env,
      OPSDECK_STATE_DIR: join(dir, 'state'),
    });
    const options = (extra: object = {}) => ({
      profile: 'lab',
      region: REGION,
      endpointUrl: moto.info?.endpoint,
      config: join(dir, 'config.yaml'),
      ...extra,
    });
    const holder = async () => {
      const found = await client.send(
        new DescribeAddressesCommand({ AllocationIds: [eip.allocationId] }),
      );
      return found.Addresses?.[0];
    };
    const putBack = async () => {
      await client.send(
        new AssociateAddressCommand({
          AllocationId: eip.allocationId,
          InstanceId: ids.a,
          AllowReassociation: true,
        }),
      );
    };
    const writeConfig = (pair: Record<string, string | number>) =>
      writeFileSync(
        join(dir, 'config.yaml'),
        [
          'failover:',
          '  lb:',
          `    eip: ${eip.publicIp}`,
          `    active: ${names.a}`,
          `    standby: ${names.b}`,
          `    region: ${REGION}`,
          '    check: { http: { port: 80, path: /health }, timeout: 0.5 }',
          ...Object.entries(pair).map(
            ([key, value]) => `    ${key}: ${String(value)}`,
          ),
          `    checkTargets: { ${names.a}: "${servers.a.target}", ${names.b}: "${servers.b.target}" }`,
        ].join('\n'),
      );

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'opsdeck-failover-'));
      client = direct(REGION);
      const [a, b] = await launch(client, 2, { tags: { Name: names.a } });
      ids = { a: a ?? '', b: b ?? '' };
      const { CreateTagsCommand } = await import('@aws-sdk/client-ec2');
      await client.send(
        new CreateTagsCommand({
          Resources: [ids.b],
          Tags: [{ Key: 'Name', Value: names.b }],
        }),
      );
      const allocated = await client.send(
        new AllocateAddressCommand({ Domain: 'vpc' }),
      );
      eip = {
        allocationId: allocated.AllocationId ?? '',
        publicIp: allocated.PublicIp ?? '',
      };
      servers = { a: await startHealthServer(), b: await startHealthServer() };
      await putBack();
      writeConfig({ interval: 1, failures: 2, cooldown: 60 });
    });
    afterAll(async () => {
      await servers.a.close();
      await servers.b.close();
      client.destroy();
    });

    it('failover moves the address in one step and times it until the EIP answers on the new instance', async () => {
      await putBack();
      const io = capturedIo();
      const code = await runEipFailover(
        eip.publicIp,
        options({ to: names.b, yes: true }),
        io,
        env(),
      );
      expect(io.stderr.join('\n')).toContain(
        'one AssociateAddress call with AllowReassociation',
      );
      expect(code).toBe(0);
      expect((await holder())?.InstanceId).toBe(ids.b);
      expect(io.stdout[0]).toMatch(
        new RegExp(
          `^moved ${eip.publicIp.replace(/\./g, '\\.')} to ${names.b} \\(${ids.b}\\): the call took \\d+ ms; the EIP answered the check on the new instance after (\\d+ ms|\\d+\\.\\d s)$`,
        ),
      );
      const history = await readHistory(
        join(dir, 'state', 'failover-history.jsonl'),
      );
      expect(history.at(-1)).toMatchObject({
        pair: 'lb',
        source: 'command',
        kind: 'switch',
        from: ids.a,
        to: ids.b,
      });
      expect(
        statSync(join(dir, 'state', 'failover-history.jsonl')).mode & 0o777,
      ).toBe(0o600);

      // Again: already there, nothing sent.
      const association = (await holder())?.AssociationId;
      const again = capturedIo();
      expect(
        await runEipFailover(
          eip.allocationId,
          options({ to: ids.b, yes: true }),
          again,
          env(),
        ),
      ).toBe(0);
      expect(again.stdout[0]).toContain('already: nothing sent');
      expect((await holder())?.AssociationId).toBe(association);
    });

    it('refuses without a terminal unless --yes, a stopped target, and bad arguments naming the field', async () => {
      await putBack();
      const io = capturedIo();
      expect(
        await runEipFailover(eip.publicIp, options({ to: names.b }), io, env()),
      ).toBe(2);
      expect(io.stderr.at(-1)).toContain(
        'nothing sent; without a terminal pass --yes',
      );
      expect((await holder())?.InstanceId).toBe(ids.a);

      const dry = capturedIo();
      expect(
        await runEipFailover(
          eip.publicIp,
          options({ to: names.b, dryRun: true }),
          dry,
          env(),
        ),
      ).toBe(0);
      expect(dry.stdout[0]).toContain(
        'dry run: ec2:AssociateAddress would be allowed',
      );
      expect((await holder())?.InstanceId).toBe(ids.a);

      const bad = capturedIo();
      expect(
        await runEipFailover('1.2.3', options({ to: names.b }), bad, env()),
      ).toBe(2);
      expect(bad.stderr[0]).toContain(
        'EIP: "1.2.3" is neither a public IPv4 address nor an allocation ID',
      );
      const check = capturedIo();
      expect(
        await runEipFailover(
          eip.publicIp,
          options({ to: names.b, check: 'udp:53' }),
          check,
          env(),
        ),
      ).toBe(2);
      expect(check.stderr[0]).toContain('--check: "udp:53" is not tcp:PORT');
      const to = capturedIo();
      expect(
        await runEipFailover(eip.publicIp, options({ to: 'i-12' }), to, env()),
      ).toBe(2);
      expect(to.stderr[0]).toContain('--to: "i-12" is not an instance ID');
    });

    it('read-only refuses every write before any call', async () => {
      // A dead endpoint and a metadata server that counts: nothing may reach either.
      let metadataHits = 0;
      const metadata = createServer((_request, response) => {
        metadataHits++;
        response.end('x');
      });
      await new Promise<void>((resolve) =>
        metadata.listen(0, '127.0.0.1', resolve),
      );
      const readOnly = options({
        readOnly: true,
        endpointUrl: 'http://127.0.0.1:9',
        to: names.b,
        yes: true,
      });
      const metadataEnv = {
        ...env(),
        AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${String((metadata.address() as AddressInfo).port)}`,
      };
      const moving = capturedIo();
      expect(
        await runEipFailover(eip.publicIp, readOnly, moving, metadataEnv),
      ).toBe(1);
      expect(moving.stderr.at(-1)).toContain(
        'read-only: ec2:AssociateAddress was not sent',
      );
      const claiming = capturedIo();
      expect(
        await runEipClaim(eip.publicIp, readOnly, claiming, metadataEnv),
      ).toBe(1);
      expect(claiming.stderr.at(-1)).toContain(
        'read-only: ec2:AssociateAddress was not sent',
      );
      const guarding = capturedIo();
      expect(await runEipGuard('lb', readOnly, guarding, metadataEnv)).toBe(1);
      expect(guarding.stderr.at(-1)).toContain(
        '--dry-run watches without writing',
      );
      expect(metadataHits).toBe(0);
      metadata.close();
    });

    it('guard: stopping the active server moves the address within interval x failures + one call', async () => {
      await putBack();
      writeConfig({ interval: 1, failures: 2, cooldown: 60 });
      servers.a.mode = 'healthy';
      const stop = new AbortController();
      const io = { ...capturedIo(), signal: stop.signal };
      // A history of its own: the switches of the tests above hold the cooldown.
      const guardEnv = {
        ...env(),
        OPSDECK_STATE_DIR: join(dir, 'state-guard'),
      };
      const running = runEipGuard('lb', options(), io, guardEnv);
      // Let it see the pair healthy first.
      while (!io.stdout.some((line) => line.includes(': stay: ')))
        await new Promise((resolve) => setTimeout(resolve, 50));
      const downAt = Date.now();
      await servers.a.down();
      let moved = 0;
      while (Date.now() - downAt < 10_000) {
        if ((await holder())?.InstanceId === ids.b) {
          moved = Date.now() - downAt;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      stop.abort();
      expect(await running).toBe(0);
      await servers.a.up();
      expect(moved, io.stdout.join('\n')).toBeGreaterThan(0);
      // Two failed rounds one second apart, then the call: well under interval x (failures + 1).
      expect(moved).toBeLessThan(1000 * (2 + 1) + 1000);
      expect(
        io.stdout.some((line) => /lb: switch: moving .* to lb-b/.test(line)),
      ).toBe(true);
      const history = await readHistory(
        join(dir, 'state-guard', 'failover-history.jsonl'),
      );
      const switched = history.filter(
        (entry) => entry.source === 'guard' && entry.kind === 'switch',
      );
      expect(switched.at(-1)).toMatchObject({
        pair: 'lb',
        from: ids.a,
        to: ids.b,
      });
      expect(switched.at(-1)?.answeredMillis).toBeGreaterThan(0);
      expect(io.stderr.at(-1)).toMatch(
        /guard stopped after \d+ rounds, 1 switches/,
      );
    });

    it('guard: a flapping server never moves the address, and the history says why', async () => {
      await putBack();
      // Two checks a round (directly and through the EIP): 2 rounds failing, 1 passing, again and again.
      servers.a.mode = 'flapping';
      servers.a.flap = 'xxxx..';
      writeConfig({ interval: 1, failures: 3, cooldown: 0 });
      const io = capturedIo();
      expect(await runEipGuard('lb', options(), io, env(), 7)).toBe(0);
      servers.a.mode = 'healthy';
      expect((await holder())?.InstanceId).toBe(ids.a);
      expect(io.stdout).toHaveLength(7);
      expect(io.stdout.join('\n')).toContain(
        'answers again after failed checks (not in a row: no switch)',
      );
      const history = await readHistory(
        join(dir, 'state', 'failover-history.jsonl'),
      );
      expect(
        history.some((entry) => entry.reason.includes('not in a row')),
      ).toBe(true);
    }, 20_000);

    it('claim: takes the address for the instance the metadata names, once', async () => {
      await putBack();
      const imds = await metadataServer(ids.b, REGION);
      const imdsEnv = {
        ...env(),
        AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.endpoint,
      };
      const claimOptions = {
        profile: 'lab',
        endpointUrl: moto.info?.endpoint,
        config: join(dir, 'config.yaml'),
      };
      const io = capturedIo();
      expect(await runEipClaim(eip.publicIp, claimOptions, io, imdsEnv)).toBe(
        0,
      );
      expect(io.stdout[0]).toMatch(
        new RegExp(
          `^claimed .* for ${names.b} \\(${ids.b}\\) in \\d+ ms \\(it was on ${ids.a}\\)$`,
        ),
      );
      expect((await holder())?.InstanceId).toBe(ids.b);
      const association = (await holder())?.AssociationId;
      const again = capturedIo();
      expect(
        await runEipClaim(
          eip.allocationId,
          { ...claimOptions, json: true },
          again,
          imdsEnv,
        ),
      ).toBe(0);
      expect(JSON.parse(again.stdout[0] ?? '')).toMatchObject({
        changed: false,
        instanceId: ids.b,
      });
      expect((await holder())?.AssociationId).toBe(association);
      imds.server.close();
    });

    it("claim: moto's own metadata (i-fake) is no instance of the account: exit 3, said plainly", async () => {
      const io = capturedIo();
      const code = await runEipClaim(
        eip.publicIp,
        {
          profile: 'lab',
          region: REGION,
          endpointUrl: moto.info?.endpoint,
          config: join(dir, 'config.yaml'),
        },
        io,
        { ...env(), AWS_EC2_METADATA_SERVICE_ENDPOINT: moto.info?.endpoint },
      );
      expect(code).toBe(3);
      expect(io.stderr.at(-1)).toContain(
        'the instance metadata says this is i-fake, which is no instance of this account in eu-north-1',
      );
    });

    it('the console: reads each pair with a round of checks, refuses an unhealthy standby, switches with a dry run first', async () => {
      await putBack();
      servers.a.mode = 'healthy';
      const pair = failoverPairSchema.parse({
        eip: eip.allocationId,
        active: names.a,
        standby: ids.b,
        region: REGION,
        check: { http: { port: 80, path: '/health' }, timeout: 0.5 },
        checkTargets: {
          [names.a]: servers.a.target,
          [ids.b]: servers.b.target,
        },
      });
      // The session is in us-east-1; the pair's own region is used.
      const { factory } = labFactory('us-east-1');
      // The history the tests above wrote: a command's switch, the flapping guard's verdicts.
      const history = join(dir, 'state', 'failover-history.jsonl');
      const service = createFailoverService(factory, history);
      const signal = new AbortController().signal;
      const [row] = await service.status({ lb: pair }, signal);
      expect(row).toMatchObject({
        name: 'lb',
        holder: 'active',
        region: REGION,
      });
      expect(row?.picture?.active).toMatchObject({
        id: ids.a,
        name: names.a,
        state: 'running',
      });
      expect([
        row?.checks.active?.ok,
        row?.checks.standby?.ok,
        row?.checks.eip?.ok,
      ]).toEqual([true, true, true]);
      if (!row) return;
      expect(switchRefusal(row)).toBeUndefined();
      const shown = row.history.map(
        (entry) => `${entry.source} ${entry.kind}: ${entry.reason}`,
      );
      expect(shown).toContainEqual(
        expect.stringMatching(
          /^guard stay: .* answers again after failed checks \(not in a row: no switch\)$/,
        ),
      );
      expect(shown).toContainEqual(expect.stringMatching(/^command switch: /));

      await servers.b.down();
      const [sick] = await service.status({ lb: pair }, signal);
      await servers.b.up();
      expect(sick && switchRefusal(sick)).toContain(
        'is unhealthy (ECONNREFUSED)',
      );

      const dry = await service.switchNow(row, { dryRun: true });
      expect('dryRun' in dry).toBe(true);
      expect((await holder())?.InstanceId).toBe(ids.a);

      const moved = await service.switchNow(row);
      expect('result' in moved && moved.result.answeredMillis).toBeGreaterThan(
        0,
      );
      expect((await holder())?.InstanceId).toBe(ids.b);
      const [after] = await service.status({ lb: pair }, signal);
      expect(after).toMatchObject({
        holder: 'standby',
        lastSwitch: { source: 'console', from: ids.a, to: ids.b },
      });
      expect(statSync(history).mode & 0o777).toBe(0o600);
      factory.destroy();
    });
  },
);

async function metadataServer(
  instanceId: string,
  region: string,
): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/latest/api/token' && request.method === 'PUT')
      return void response.end('token');
    if (request.headers['x-aws-ec2-metadata-token'] !== 'token')
      return void response.writeHead(401).end();
    const values: Record<string, string> = {
      '/latest/meta-data/instance-id': instanceId,
      '/latest/meta-data/placement/region': region,
    };
    const value = values[request.url ?? ''];
    if (value === undefined) response.writeHead(404).end();
    else response.end(value);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    endpoint: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
  };
}
