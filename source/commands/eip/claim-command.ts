/**
 * `opsdeck eip claim EIP`: keepalived's notify_master. Associates the
 * address with the instance this runs on (its ID from the instance metadata,
 * IMDSv2), in the instance's own region unless --region says otherwise.
 * Idempotent: an address already here is left alone, with no write.
 * Exit codes: 0 the address is on this instance, 1 refused or failed,
 * 2 usage, 3 cannot tell which instance this is.
 */
import { instanceLabel } from '../../aws/ec2/eip-pairs.js';
import { InstanceMetadata } from '../../aws/ec2/instance-metadata.js';
import { describeError, UserError } from '../../lib/errors.js';
import { appendHistory } from '../../failover/history.js';
import { prepareStart, type CliOptions } from '../../session/start.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  jsonLine,
  type CommandIo,
} from '../command-io.js';
import { checkEipArgument } from './eip-arguments.js';
import { dryRunMove } from './dry-run.js';
import { loadPairs, openEipSession, pairOfEip } from './eip-session.js';

const EXIT_WHO_AM_I = 3;

export interface ClaimOptions extends CliOptions {
  readonly json?: boolean;
  readonly dryRun?: boolean;
}

export async function runEipClaim(
  eipArgument: string | undefined,
  options: ClaimOptions,
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let eip: string;
  try {
    eip = checkEipArgument(eipArgument);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`opsdeck eip claim: ${error.message}`);
    return EXIT_USAGE;
  }
  const start = await prepareStart(options, env);
  for (const problem of start.config.problems) io.err(`opsdeck: ${problem}`);
  if (start.settings.readOnly) {
    io.err(
      `opsdeck eip claim: read-only: ec2:AssociateAddress was not sent (${start.settings.readOnlyReason})`,
    );
    return EXIT_FAILED;
  }
  const metadata = new InstanceMetadata({ env });
  let instanceId: string, region: string;
  try {
    instanceId = await metadata.instanceId();
    region = options.region ?? (await metadata.region());
  } catch (error) {
    io.err(
      `opsdeck eip claim: cannot tell which instance this is: ${describeError(error)}`,
    );
    return EXIT_WHO_AM_I;
  }
  const session = await openEipSession(options, env, { region });
  try {
    let self;
    try {
      [self] = await session.reader.instances([instanceId], io.signal);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      io.err(
        `opsdeck eip claim: the instance metadata says this is ${instanceId}, which is no instance of this account in ${region} (an instance can claim only an address of its own account and region: check --profile and --region)`,
      );
      return EXIT_WHO_AM_I;
    }
    if (!self) return EXIT_WHO_AM_I;
    const address = await session.reader.address(eip, io.signal);
    const result = (changed: boolean, callMillis?: number) =>
      options.json === true
        ? io.out(
            jsonLine({
              eip: address.publicIp,
              allocationId: address.allocationId,
              instanceId,
              changed,
              callMillis: callMillis ?? null,
            }),
          )
        : io.out(
            changed
              ? `claimed ${address.publicIp} for ${instanceLabel(self)} in ${String(callMillis)} ms (it was on ${address.instanceId ?? 'nothing'})`
              : `${address.publicIp} is on ${instanceLabel(self)} already: nothing sent`,
          );
    if (address.instanceId === instanceId) {
      result(false);
      return EXIT_OK;
    }
    if (options.dryRun === true)
      return await dryRunMove(
        session.addresses,
        address.allocationId,
        instanceId,
        'opsdeck eip claim',
        io,
      );
    const moved = await session.addresses.move(
      address.allocationId,
      instanceId,
    );
    const callMillis = 'result' in moved ? moved.result.millis : 0;
    const config = await loadPairs(options, env);
    await appendHistory(session.historyFile, {
      at: new Date().toISOString(),
      pair:
        pairOfEip(config.pairs, [
          eip,
          address.publicIp,
          address.allocationId,
        ])?.[0] ?? '',
      source: 'command',
      kind: 'switch',
      reason: 'opsdeck eip claim (this instance took the address)',
      eip: address.publicIp,
      ...(address.instanceId ? { from: address.instanceId } : {}),
      to: instanceId,
      callMillis,
    }).catch((error: unknown) =>
      io.err(`opsdeck: the history was not written: ${describeError(error)}`),
    );
    result(true, callMillis);
    return EXIT_OK;
  } catch (error) {
    io.err(`opsdeck eip claim: ${describeError(error)}`);
    return EXIT_FAILED;
  } finally {
    session.close();
  }
}
