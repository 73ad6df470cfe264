/** CIDR blocks as EC2 takes them: IPv4 or IPv6, host bits zero. */
import { isIPv4, isIPv6 } from 'node:net';
import { UserError } from '../../../lib/errors.js';

/** A message that starts with the field it is about. */
export const fieldError = (field: string, message: string, hint?: string) =>
  new UserError(`${field}: ${message}`, hint === undefined ? {} : { hint });

function ipv4Number(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

function ipv6Number(address: string): bigint {
  const [head = '', tail] = address.split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':'));
  const expand = (parts: string[]) =>
    parts.flatMap((part) => {
      // An IPv4 tail (::ffff:1.2.3.4) is two groups.
      if (!part.includes('.')) return [part];
      const value = ipv4Number(part);
      return [(value >>> 16).toString(16), (value & 0xffff).toString(16)];
    });
  const left = expand(groups(head));
  const right = tail === undefined ? [] : expand(groups(tail));
  const middle = new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].reduce(
    (sum, part) => (sum << 16n) + BigInt(Number.parseInt(part, 16)),
    0n,
  );
}

function ipv6Text(value: bigint): string {
  const parts: string[] = [];
  for (let index = 7; index >= 0; index--)
    parts.push(((value >> BigInt(index * 16)) & 0xffffn).toString(16));
  return parts.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/**
 * A CIDR block; a bare address is that one host (/32 or /128). Host bits
 * must be zero: 10.0.0.1/8 is refused with the block it probably means.
 */
export function parseCidr(text: string, field = 'source'): string {
  const value = text.trim();
  const [address = '', prefixText, extra] = value.split('/');
  if (extra !== undefined || value === '')
    throw fieldError(
      field,
      `"${value}" is not a CIDR block`,
      'e.g. 203.0.113.7/32 or 2001:db8::/64',
    );
  const v4 = isIPv4(address);
  if (!v4 && !isIPv6(address))
    throw fieldError(
      field,
      `"${address}" is not an IPv4 or IPv6 address`,
      'e.g. 203.0.113.7/32 or 2001:db8::/64',
    );
  const bits = v4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText))
    throw fieldError(
      field,
      `"/${prefixText}" is not a prefix length`,
      `0 to ${bits}`,
    );
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits)
    throw fieldError(
      field,
      `/${prefix} is longer than ${bits} bits`,
      `an ${v4 ? 'IPv4' : 'IPv6'} prefix is 0 to ${bits}`,
    );
  if (v4) {
    const hostMask = prefix === 32 ? 0 : 2 ** (32 - prefix) - 1;
    const number = ipv4Number(address);
    if (number % (hostMask + 1) !== 0) {
      const network = number - (number % (hostMask + 1));
      const dotted = [24, 16, 8, 0]
        .map((shift) => Math.floor(network / 2 ** shift) % 256)
        .join('.');
      throw fieldError(
        field,
        `${value} has host bits set`,
        `did you mean ${dotted}/${prefix}, or ${address}/32 for one host?`,
      );
    }
    return `${address}/${prefix}`;
  }
  const number = ipv6Number(address);
  const hostMask = (1n << BigInt(128 - prefix)) - 1n;
  if ((number & hostMask) !== 0n)
    throw fieldError(
      field,
      `${value} has host bits set`,
      `did you mean ${ipv6Text(number & ~hostMask)}/${prefix}, or ${address}/128 for one host?`,
    );
  return `${ipv6Text(number)}/${prefix}`;
}
