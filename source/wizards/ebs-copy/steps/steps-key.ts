/**
 * The import-key step: the instance's key pair carried to the target by its
 * public key (AWS never holds the private one). A key of the same name that
 * is there already is used when its public key matches.
 */
import {
  DescribeKeyPairsCommand,
  ImportKeyPairCommand,
} from '@aws-sdk/client-ec2';
import { ec2Call, ec2ErrorCode } from '../../../aws/ec2/ec2-errors.js';
import type { StepContext } from '../run/step-context.js';
import { MIGRATION_TAG, tagMap, tagSpecs } from '../tags.js';

export async function importKey(ctx: StepContext): Promise<void> {
  const name = ctx.facts.keyName ?? '';
  const target = await ctx.targetClient();
  const existing = await target
    .send(new DescribeKeyPairsCommand({ KeyNames: [name] }))
    .then((found) => found.KeyPairs?.[0])
    .catch((error: unknown) => {
      if (ec2ErrorCode(error) === 'InvalidKeyPair.NotFound') return undefined;
      throw error;
    });
  if (existing !== undefined) {
    const ours = tagMap(existing.Tags)[MIGRATION_TAG] === ctx.runId;
    await ctx.remember(
      {
        keyName: name,
        ...(ours
          ? {}
          : { note: `key pair ${name} already existed in ${ctx.step.region}` }),
      },
      ours
        ? [
            {
              type: 'key-pair',
              id: name,
              region: ctx.step.region,
              intermediate: false,
            },
          ]
        : [],
      'found',
    );
    return;
  }
  const source = await ctx.sourceClient();
  const described = await ec2Call(
    ctx.context('DescribeKeyPairs', name, ctx.request.source.region),
    () =>
      source.send(
        new DescribeKeyPairsCommand({
          KeyNames: [name],
          IncludePublicKey: true,
        }),
      ),
  );
  const publicKey = described.KeyPairs?.[0]?.PublicKey ?? '';
  await ec2Call(ctx.context('ImportKeyPair', name), () =>
    target.send(
      new ImportKeyPairCommand({
        KeyName: name,
        PublicKeyMaterial: Buffer.from(publicKey),
        TagSpecifications: tagSpecs(['key-pair'], ctx.tags()),
      }),
      { abortSignal: ctx.signal },
    ),
  );
  await ctx.remember({ keyName: name }, [
    {
      type: 'key-pair',
      id: name,
      region: ctx.step.region,
      intermediate: false,
    },
  ]);
}
