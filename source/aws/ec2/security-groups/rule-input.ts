/**
 * What an operator types for a rule, checked before any call: CIDRs (syntax
 * and host bits, IPv4 and IPv6), port ranges, ICMP type and code, and the
 * named services (ssh, mysql, https, ...). Every message names the field.
 */
import { fieldError, parseCidr } from './cidr.js';
import type { RulePeer } from './types.js';

/** Well-known services by the names sysadmins use for them. */
const NAMED_SERVICES: Readonly<
  Record<string, { protocol: 'tcp' | 'udp'; port: number }>
> = {
  ssh: { protocol: 'tcp', port: 22 },
  ftp: { protocol: 'tcp', port: 21 },
  smtp: { protocol: 'tcp', port: 25 },
  dns: { protocol: 'udp', port: 53 },
  http: { protocol: 'tcp', port: 80 },
  pop3: { protocol: 'tcp', port: 110 },
  ntp: { protocol: 'udp', port: 123 },
  imap: { protocol: 'tcp', port: 143 },
  ldap: { protocol: 'tcp', port: 389 },
  https: { protocol: 'tcp', port: 443 },
  smtps: { protocol: 'tcp', port: 465 },
  submission: { protocol: 'tcp', port: 587 },
  ldaps: { protocol: 'tcp', port: 636 },
  imaps: { protocol: 'tcp', port: 993 },
  pop3s: { protocol: 'tcp', port: 995 },
  mssql: { protocol: 'tcp', port: 1433 },
  oracle: { protocol: 'tcp', port: 1521 },
  nfs: { protocol: 'tcp', port: 2049 },
  mysql: { protocol: 'tcp', port: 3306 },
  rdp: { protocol: 'tcp', port: 3389 },
  postgres: { protocol: 'tcp', port: 5432 },
  redis: { protocol: 'tcp', port: 6379 },
  elasticsearch: { protocol: 'tcp', port: 9200 },
  memcached: { protocol: 'tcp', port: 11211 },
  mongodb: { protocol: 'tcp', port: 27017 },
};

export const PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'] as const;

export interface PortRange {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
}

function port(text: string, field: string): number {
  if (!/^\d{1,5}$/.test(text))
    throw fieldError(
      field,
      `"${text}" is not a port number`,
      'ports are 0 to 65535',
    );
  const value = Number(text);
  if (value > 65535)
    throw fieldError(field, `${value} is over 65535`, 'ports are 0 to 65535');
  return value;
}

/** "22", "8000-8100", a named service ("ssh"), or "all" for every port of tcp/udp. */
export function parsePorts(
  text: string,
  protocol = 'tcp',
  field = 'ports',
): PortRange {
  const value = text.trim().toLowerCase();
  if (protocol === 'all') return { protocol: 'all', fromPort: -1, toPort: -1 };
  if (protocol === 'icmp' || protocol === 'icmpv6')
    return parseIcmp(value, protocol, field);
  if (protocol !== 'tcp' && protocol !== 'udp')
    throw fieldError(
      'protocol',
      `"${protocol}" is not one of ${PROTOCOLS.join(', ')}`,
    );
  if (value === '')
    throw fieldError(
      field,
      'required',
      'a port (22), a range (8000-8100) or a service (ssh)',
    );
  if (value === 'all') return { protocol, fromPort: 0, toPort: 65535 };
  const named = NAMED_SERVICES[value];
  if (named)
    return {
      protocol: named.protocol,
      fromPort: named.port,
      toPort: named.port,
    };
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(value);
  if (range) {
    const from = port(range[1] ?? '', field);
    const to = port(range[2] ?? '', field);
    if (from > to)
      throw fieldError(
        field,
        `${from}-${to} runs backwards`,
        `write ${to}-${from}`,
      );
    return { protocol, fromPort: from, toPort: to };
  }
  if (/^\d+$/.test(value)) {
    const single = port(value, field);
    return { protocol, fromPort: single, toPort: single };
  }
  throw fieldError(
    field,
    `"${text.trim()}" is not a port, a range or a known service`,
    `services: ${Object.keys(NAMED_SERVICES).slice(0, 12).join(', ')}, ...`,
  );
}

/** ICMP: "all", "8" (a type, every code) or "3/4" (type 3 code 4). */
function parseIcmp(value: string, protocol: string, field: string): PortRange {
  if (value === '' || value === 'all')
    return { protocol, fromPort: -1, toPort: -1 };
  const match = /^(\d{1,3})(?:\s*[/:]\s*(\d{1,3}))?$/.exec(value);
  const type = Number(match?.[1]);
  const code = match?.[2] === undefined ? -1 : Number(match[2]);
  if (!match || type > 255 || code > 255)
    throw fieldError(
      field,
      `"${value}" is not an ICMP type or type/code`,
      'e.g. 8 (echo request), 3/4 (fragmentation needed) or all; types and codes are 0-255',
    );
  return { protocol, fromPort: type, toPort: code };
}

/** A source or destination: a CIDR, a prefix list (pl-...) or a group (sg-... or its name). */
export function parsePeer(
  text: string,
  groupByName: (name: string) => string | undefined = () => undefined,
  field = 'source',
): RulePeer {
  const value = text.trim();
  if (value === '')
    throw fieldError(
      field,
      'required',
      'a CIDR (203.0.113.7/32), a group (sg-... or its name) or a prefix list (pl-...)',
    );
  if (/^sg-[0-9a-f]{8}([0-9a-f]{9})?$/.test(value))
    return { kind: 'group', groupId: value, groupName: '' };
  if (/^pl-[0-9a-f]{8}([0-9a-f]{9})?$/.test(value))
    return { kind: 'prefix-list', prefixListId: value };
  const groupId = groupByName(value);
  if (groupId !== undefined)
    return { kind: 'group', groupId, groupName: value };
  if (value.includes(':') || /^\d[\d.]*(\/.*)?$/.test(value))
    return { kind: 'cidr', cidr: parseCidr(value, field) };
  throw fieldError(
    field,
    `"${value}" is not a CIDR, a prefix list or a group of this region`,
    'e.g. 203.0.113.7/32, sg-0123456789abcdef0, pl-0123456789abcdef0',
  );
}

/** A group description: EC2 takes up to 255 characters of a restricted set. */
export function checkDescription(text: string, field = 'description'): string {
  if (text.length > 255)
    throw fieldError(field, `${text.length} characters; at most 255`);
  if (!/^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/.test(text))
    throw fieldError(
      field,
      'only letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* are allowed',
    );
  return text;
}

export function checkGroupName(text: string, field = 'name'): string {
  const value = text.trim();
  if (value === '') throw fieldError(field, 'required');
  if (value.length > 255) throw fieldError(field, 'at most 255 characters');
  if (/^sg-/i.test(value))
    throw fieldError(field, 'a group name cannot start with sg-');
  return checkDescription(value, field);
}
