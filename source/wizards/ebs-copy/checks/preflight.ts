/**
 * Pre-flight: everything checked before anything is created, returned as a
 * list of problems (blockers, warnings, notes), each with what to do.
 */
import type { AwsClientFactory } from '../../../aws/client-factory.js';
import { ec2Context } from '../../../aws/ec2/ec2-errors.js';
import { describeError, isAbortError, UserError } from '../../../lib/errors.js';
import { currentAccount } from './account-check.js';
import { copyLimitProblems } from './copy-limits.js';
import { dryRunProblems } from './dry-runs.js';
import { buildPlan } from '../plan.js';
import { registerRefusal } from './register-rules.js';
import { checkRequest } from './request-checks.js';
import { describeSource } from './source-facts.js';
import { describeBucketSource } from '../bucket/bucket-preflight.js';
import { checkRegions, checkTarget, enabledRegions } from './target-checks.js';
import type { CopyRequest, Preflight, Problem, SourceFacts } from '../types.js';

const done = (
  problems: Problem[],
  account?: string,
  facts?: SourceFacts,
): Preflight => ({
  account,
  facts,
  problems,
  ok: !problems.some((problem) => problem.severity === 'blocker'),
});

function notes(request: CopyRequest, facts: SourceFacts): Problem[] {
  const found: Problem[] = [];
  const note = (
    severity: Problem['severity'],
    code: string,
    message: string,
    fix: string,
  ) => found.push({ severity, code, message, fix });
  note(
    'info',
    'size',
    `about ${facts.sizeGiB} GiB to copy`,
    'a first copy into a region is a full copy and can take hours; the run can be left and resumed',
  );
  if (request.source.kind === 'instance' && facts.state === 'running') {
    const consistency = request.instance?.consistency ?? 'reboot';
    if (consistency === 'reboot')
      note(
        'warning',
        'reboot',
        `${facts.id} will reboot while it is imaged`,
        'that makes the image consistent; choose stop-first to stop it for good, or no-reboot to keep it up',
      );
    if (consistency === 'no-reboot')
      note(
        'warning',
        'no-reboot',
        'NoReboot: the image is only crash-consistent',
        'writes still in memory are lost and file systems may need a check at boot; stop the application first, or let it reboot',
      );
    if (consistency === 'stop-first')
      note(
        'info',
        'stop-first',
        `${facts.id} will be stopped and left stopped`,
        'start it again yourself if the source should keep running',
      );
  }
  if (facts.encrypted && request.target.encryption.mode === 'keep')
    note(
      'info',
      'encryption',
      'the source is encrypted: the copy is encrypted with the default EBS key of the target',
      'give a KMS key of the target region to use another key',
    );
  if ((facts.productCodes?.length ?? 0) > 0)
    note(
      'warning',
      'product-codes',
      `the source carries product codes ${facts.productCodes?.join(', ') ?? ''}`,
      'copies within this account keep them; a Marketplace image shared from another account cannot be copied, and registering its snapshots would lose the billing codes',
    );
  if (request.registerFromSnapshots === true) {
    const refusal = registerRefusal(facts);
    if (refusal === undefined)
      note(
        'info',
        'register',
        'the image is registered in the target from copies of its snapshots, not copied whole',
        'its architecture, boot mode, ENA and billing are checked against the source before anything is launched',
      );
    else
      note(
        'blocker',
        'register',
        'registering from snapshots is not allowed for this source',
        refusal,
      );
  }
  if (request.tags.mode === 'only') {
    const missing = request.tags.keys.filter((key) => !(key in facts.tags));
    if (missing.length > 0)
      note(
        'warning',
        'tags',
        `the source has no tag ${missing.join(', ')}`,
        'check the tag keys to carry',
      );
  }
  return found;
}

export async function runPreflight(
  factory: AwsClientFactory,
  request: CopyRequest,
): Promise<Preflight> {
  const problems = checkRequest(request);
  if (problems.length > 0) return done(problems);
  const context = (
    operation: string,
    target?: string,
    region = request.source.region,
  ) => ec2Context(factory, operation, target, region);
  let account: string | undefined;
  try {
    account = await currentAccount(factory);
  } catch (error) {
    if (isAbortError(error)) throw error;
    const problem =
      error instanceof UserError ? error : new UserError(describeError(error));
    return done([
      {
        severity: 'blocker',
        code: 'identity',
        message: problem.message,
        fix: problem.hint ?? 'check the credentials',
      },
    ]);
  }
  try {
    const source = await factory.ec2(request.source.region);
    const target = await factory.ec2(request.target.region);
    problems.push(
      ...checkRegions(request, await enabledRegions(source, context)),
    );
    if (problems.length > 0) return done(problems, account);
    if (request.source.kind === 'bucket') {
      const bucket = await describeBucketSource(factory, request);
      return done([...problems, ...bucket.problems], account, bucket.facts);
    }
    const found = await describeSource(source, request, context);
    problems.push(...found.problems);
    if (found.facts === undefined) return done(problems, account);
    const facts = found.facts;
    problems.push(...(await checkTarget(request, facts, target, context)));
    problems.push(...(await copyLimitProblems(request, target, context)));
    problems.push(...notes(request, facts));
    if (!problems.some((problem) => problem.severity === 'blocker'))
      problems.push(
        ...(await dryRunProblems({
          request,
          facts,
          plan: buildPlan(request, facts),
          source,
          target,
          context,
        })),
      );
    return done(problems, account, facts);
  } catch (error) {
    if (isAbortError(error)) throw error;
    const hint = error instanceof UserError ? error.hint : undefined;
    problems.push({
      severity: 'blocker',
      code: 'aws',
      message:
        error instanceof UserError ? error.message : describeError(error),
      fix: hint ?? 'fix the cause and run the pre-flight again',
    });
    return done(problems, account);
  }
}
