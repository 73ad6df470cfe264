import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../../source/config/schema.js';

describe('ec2.myIpUrl in the config', () => {
  it('is optional and takes a URL', () => {
    expect(configSchema.parse({}).ec2.myIpUrl).toBeUndefined();
    expect(
      configSchema.parse({ ec2: { myIpUrl: 'https://checkip.amazonaws.com' } })
        .ec2.myIpUrl,
    ).toBe('https://checkip.amazonaws.com');
  });
  it('refuses what is not a URL', () => {
    const result = configSchema.safeParse({ ec2: { myIpUrl: 'my ip please' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['ec2', 'myIpUrl']);
  });
});
