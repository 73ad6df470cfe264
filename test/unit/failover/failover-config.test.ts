/** Failover pairs in the config file: defaults, and a message naming the field for each mistake. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../source/config/load.js';

const PAIR = [
  'failover:',
  '  web:',
  '    eip: 203.0.113.10',
  '    active: web-1',
  '    standby: i-0123456789abcdef0',
  '    check: { http: { port: 8080, path: /health } }',
];

async function problemsOf(...lines: string[]) {
  const parsed = await parseConfig(lines.join('\n'), 'config.yaml');
  return parsed.problems;
}

describe('failover pairs in the config file', () => {
  it('fills the defaults: interval 5 s, 3 failures, 5 min cooldown, 2 s timeout, status 200', async () => {
    const parsed = await parseConfig(PAIR.join('\n'), 'config.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.config.failover?.['web']).toEqual({
      eip: '203.0.113.10',
      active: 'web-1',
      standby: 'i-0123456789abcdef0',
      check: {
        http: { port: 8080, path: '/health', status: 200 },
        timeout: 2,
        address: 'private',
      },
      interval: 5,
      failures: 3,
      cooldown: 300,
    });
  });

  it('takes an allocation ID, a TCP check, region, profile and check targets', async () => {
    const parsed = await parseConfig(
      [
        'failover:',
        '  lb:',
        '    eip: eipalloc-0123456789abcdef0',
        '    region: eu-west-1',
        '    profile: prod',
        '    active: lb-a',
        '    standby: lb-b',
        '    check: { tcp: { port: 443 }, timeout: 1.5, address: public }',
        '    interval: 10',
        '    failures: 2',
        '    cooldown: 0',
        '    checkTargets: { lb-a: "127.0.0.1:8081", lb-b: "localhost:8082" }',
      ].join('\n'),
      'config.yaml',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.config.failover?.['lb']).toMatchObject({
      region: 'eu-west-1',
      check: { tcp: { port: 443 }, timeout: 1.5, address: 'public' },
      checkTargets: { 'lb-a': '127.0.0.1:8081', 'lb-b': 'localhost:8082' },
    });
  });

  it.each([
    ['    eip: 203.0.113.300', 'failover.web.eip: give the public IPv4'],
    ['    eip: eipalloc-xyz', 'failover.web.eip: give the public IPv4'],
    ['    region: mars-1', 'failover.web.region: a region code'],
    ['    interval: 0', 'failover.web.interval:'],
    ['    failures: 1.5', 'failover.web.failures:'],
    ['    cooldown: -1', 'failover.web.cooldown:'],
    ['    colour: red', 'unknown field failover.web.colour'],
    [
      '    checkTargets: { web-9: "127.0.0.1:1" }',
      'failover.web.checkTargets.web-9: not one of the pair',
    ],
    [
      '    checkTargets: { web-1: "127.0.0.1" }',
      'failover.web.checkTargets.web-1: host:port',
    ],
  ])('names the field: %s', async (line, expected) => {
    const lines = [...PAIR];
    const key = line.trim().split(':')[0] ?? '';
    const at = lines.findIndex((entry) => entry.trim().startsWith(`${key}:`));
    if (at >= 0) lines[at] = line;
    else lines.push(line);
    const problems = await problemsOf(...lines);
    expect(problems.join('\n')).toContain(
      `config.yaml: ${expected}`.replace(
        'config.yaml: unknown',
        'config.yaml: unknown',
      ),
    );
  });

  it('refuses the same instance twice, a bad instance ID, and a missing one', async () => {
    expect(
      await problemsOf(
        ...PAIR.map((line) => line.replace('i-0123456789abcdef0', 'web-1')),
      ),
    ).toContain(
      'config.yaml: failover.web.standby: must be another instance than active',
    );
    expect(
      (
        await problemsOf(
          ...PAIR.map((line) => line.replace('i-0123456789abcdef0', 'i-123')),
        )
      ).join(),
    ).toContain(
      'failover.web.standby: an instance ID is i- followed by 8 or 17 hex digits',
    );
    expect(
      (
        await problemsOf(...PAIR.filter((line) => !line.includes('active')))
      ).join(),
    ).toContain('failover.web.active:');
  });

  it('wants exactly one of http and tcp, and a timeout shorter than the interval', async () => {
    const withCheck = (check: string) =>
      problemsOf(...PAIR.slice(0, -1), `    check: ${check}`);
    expect((await withCheck('{ timeout: 1 }')).join()).toContain(
      'failover.web.check: set exactly one of http',
    );
    expect(
      (await withCheck('{ http: {}, tcp: { port: 1 } }')).join(),
    ).toContain('failover.web.check: set exactly one of http');
    expect((await withCheck('{ tcp: { port: 70000 } }')).join()).toContain(
      'failover.web.check.tcp.port:',
    );
    expect((await withCheck('{ http: { path: health } }')).join()).toContain(
      'failover.web.check.http.path: a path starting with /',
    );
    expect(
      (await withCheck('{ tcp: { port: 22 }, timeout: 5 }')).join(),
    ).toContain(
      'failover.web.check.timeout: must be shorter than interval (5 s)',
    );
  });

  it('keeps pair names plain, since they name files and arguments', async () => {
    const problems = await problemsOf(
      ...PAIR.map((line) => line.replace('  web:', '  "../web":')),
    );
    expect(problems.join()).toContain('a pair name is letters, digits');
  });
});
