/** A whole rule checked before it is sent, each part by the field it came from. */
import { fieldError, parseCidr } from './cidr.js';
import { PROTOCOLS } from './rule-input.js';
import type { RuleSpec } from './types.js';

export function checkRule(rule: RuleSpec): void {
  const { protocol, fromPort, toPort, peer } = rule;
  if (
    !(PROTOCOLS as readonly string[]).includes(protocol) &&
    !/^\d{1,3}$/.test(protocol)
  )
    throw fieldError(
      'protocol',
      `"${protocol}" is not one of ${PROTOCOLS.join(', ')} or a protocol number`,
    );
  if (protocol === 'tcp' || protocol === 'udp') {
    for (const port of [fromPort, toPort])
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw fieldError(
          'ports',
          `${port} is not a port`,
          'ports are 0 to 65535',
        );
    if (fromPort > toPort)
      throw fieldError('ports', `${fromPort}-${toPort} runs backwards`);
  }
  if (protocol === 'icmp' || protocol === 'icmpv6')
    for (const [label, value] of [
      ['type', fromPort],
      ['code', toPort],
    ] as const)
      if (!Number.isInteger(value) || value < -1 || value > 255)
        throw fieldError(
          'ports',
          `ICMP ${label} ${value} is outside -1 to 255`,
        );
  if (peer.kind === 'cidr') {
    const normal = parseCidr(
      peer.cidr,
      rule.direction === 'in' ? 'source' : 'destination',
    );
    // EC2 stores its own spelling of an IPv6 block; anything else must be canonical.
    if (!peer.cidr.includes(':') && normal !== peer.cidr)
      throw fieldError(
        'source',
        `${peer.cidr} is not a CIDR block`,
        `did you mean ${normal}?`,
      );
  }
}
