/**
 * Where the operator is: the address their SSH session came from
 * (SSH_CLIENT / SSH_CONNECTION), and this host's public address, from the
 * instance metadata when on EC2, else from a "what is my IP" URL, fetched
 * only when the operator asks for it.
 */
import { isIP } from 'node:net';
import { UserError } from '../../../lib/errors.js';
import { InstanceMetadata } from '../instance-metadata.js';

/** An address as a one-host CIDR; an IPv4-mapped IPv6 address as IPv4. */
export function hostCidr(address: string): string | undefined {
  const plain = address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  const family = isIP(plain);
  if (family === 0) return undefined;
  return `${plain}/${family === 4 ? 32 : 128}`;
}

/** The client address of the SSH session opsdeck runs in, or undefined outside one. */
export function sessionAddress(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['SSH_CLIENT', 'SSH_CONNECTION']) {
    const first = env[name]?.trim().split(/\s+/)[0];
    const cidr = first === undefined ? undefined : hostCidr(first);
    if (cidr !== undefined) return cidr;
  }
  return undefined;
}

/** This instance's public IPv4 from the metadata service; undefined off EC2 or without one. */
export async function metadataAddress(
  env: NodeJS.ProcessEnv,
  timeoutMs = 800,
): Promise<string | undefined> {
  try {
    const ip = await new InstanceMetadata({ env, timeoutMs }).publicIpv4();
    return ip === undefined ? undefined : hostCidr(ip);
  } catch {
    return undefined;
  }
}

/** Asks a "what is my IP" URL, which must answer with a bare address. */
export async function urlAddress(
  url: string,
  timeoutMs = 4000,
): Promise<string> {
  let text: string;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new UserError(`${url} answered ${response.status}`);
    text = (await response.text()).trim().slice(0, 100);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${url} did not answer`, {
      hint: 'check ec2.myIpUrl in the config file, or type the address',
      cause: error,
    });
  }
  const cidr = hostCidr(text);
  if (cidr === undefined)
    throw new UserError(`${url} did not answer with an address`, {
      hint: 'the URL must return the address alone, e.g. https://checkip.amazonaws.com',
    });
  return cidr;
}
