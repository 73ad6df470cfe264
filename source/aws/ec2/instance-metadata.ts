/**
 * The instance metadata service, IMDSv2 only (a session token first, then
 * reads with it): "the instance I run on" for cron jobs and keepalived hooks.
 * The endpoint follows the SDK's AWS_EC2_METADATA_SERVICE_ENDPOINT, so a local
 * emulator can stand in for 169.254.169.254.
 */
import { UserError } from '../../lib/errors.js';

const DEFAULT_ENDPOINT = 'http://169.254.169.254';
const TOKEN_TTL_SECONDS = '300';

export interface InstanceMetadataOptions {
  /** Base URL; defaults to the environment's, then the link-local address. */
  readonly endpoint?: string;
  /** Per request; off EC2 the link-local address just does not answer. */
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

export function metadataEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['AWS_EC2_METADATA_SERVICE_ENDPOINT']?.trim();
  return (configured || DEFAULT_ENDPOINT).replace(/\/+$/, '');
}

export class InstanceMetadata {
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly disabled: boolean;
  private token: Promise<string> | undefined;

  constructor(options: InstanceMetadataOptions = {}) {
    const env = options.env ?? process.env;
    this.endpoint = (options.endpoint ?? metadataEndpoint(env)).replace(
      /\/+$/,
      '',
    );
    this.timeoutMs = options.timeoutMs ?? 1500;
    this.disabled = env['AWS_EC2_METADATA_DISABLED']?.toLowerCase() === 'true';
  }

  /** This instance's ID (i-…). */
  instanceId(): Promise<string> {
    return this.read('instance-id');
  }

  region(): Promise<string> {
    return this.read('placement/region');
  }

  /** The public IPv4 address, or undefined when the instance has none. */
  async publicIpv4(): Promise<string | undefined> {
    return this.readOptional('public-ipv4');
  }

  localIpv4(): Promise<string> {
    return this.read('local-ipv4');
  }

  /** One meta-data path; a missing path is an error naming it. */
  async read(path: string): Promise<string> {
    const value = await this.readOptional(path);
    if (value === undefined) {
      throw new UserError(`the instance metadata has no ${path}`);
    }
    return value;
  }

  async readOptional(path: string): Promise<string | undefined> {
    const token = await this.session();
    const response = await this.request(`/latest/meta-data/${path}`, {
      method: 'GET',
      headers: { 'X-aws-ec2-metadata-token': token },
    });
    if (response.status === 404) return undefined;
    if (!response.ok) {
      throw new UserError(
        `the instance metadata service answered ${String(response.status)} for ${path}`,
      );
    }
    return (await response.text()).trim();
  }

  private session(): Promise<string> {
    this.token ??= this.fetchToken().catch((error: unknown) => {
      this.token = undefined;
      throw error;
    });
    return this.token;
  }

  private async fetchToken(): Promise<string> {
    if (this.disabled) {
      throw new UserError('the instance metadata service is disabled', {
        hint: 'AWS_EC2_METADATA_DISABLED is set',
      });
    }
    const response = await this.request('/latest/api/token', {
      method: 'PUT',
      headers: { 'X-aws-ec2-metadata-token-ttl-seconds': TOKEN_TTL_SECONDS },
    });
    if (!response.ok) {
      throw new UserError(
        `the instance metadata service refused a session token (${String(response.status)})`,
        {
          hint: 'IMDSv2 must be enabled, with a hop limit that reaches this process',
        },
      );
    }
    return (await response.text()).trim();
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.endpoint}${path}`, {
        ...init,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new UserError(
        `not on EC2: the instance metadata service at ${this.endpoint} did not answer`,
        {
          hint: 'run this on the instance itself, or set AWS_EC2_METADATA_SERVICE_ENDPOINT',
          cause: error,
        },
      );
    }
  }
}
