/**
 * Starts the lab once for the whole run. A part that is not installed is
 * skipped with its reason; with OPSDECK_REQUIRE_LAB=1 (CI) that is a failure.
 */
import type { TestProject } from 'vitest/node';
import { describeLab } from '../../source/lab/lab-info.js';
import './lab-info.js';

export default async function setup(
  project: TestProject,
): Promise<() => Promise<void>> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const { startLab } = await import('../../source/lab/lab.js');
  const lab = await startLab();
  if (process.env['OPSDECK_REQUIRE_LAB'] === '1' && lab.skipped.length > 0) {
    await lab.stop();
    throw new Error(
      `OPSDECK_REQUIRE_LAB=1 but the lab is incomplete: ${lab.skipped.map((skip) => `${skip.part}: ${skip.reason}`).join('; ')}`,
    );
  }
  for (const skip of lab.skipped)
    console.warn(
      `lab: ${skip.part} skipped (${skip.reason}); tests that need it are skipped`,
    );
  project.provide('lab', describeLab(lab));
  return () => lab.stop();
}
