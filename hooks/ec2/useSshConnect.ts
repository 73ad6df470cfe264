import { useCallback } from 'react';
import type { InstanceRow } from '../../source/aws/ec2/types.js';
import { sshPlan } from '../../source/ssh/login-command.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';

/** `x`: ssh to an instance with the console suspended, and back to the same place. */
export function useSshConnect(): (instance: InstanceRow) => Promise<void> {
  const deps = useAppDeps();
  const shell = useShellApi();
  const { report } = shell;
  const service = shell.session.services.instances;
  return useCallback(
    async (instance: InstanceRow) => {
      const imageName = await service
        .imageName(instance.imageId)
        .catch(() => undefined);
      const plan = sshPlan(instance, deps.config.config.ec2.ssh, {
        home: deps.home,
        imageName,
        exists: deps.fileExists,
      });
      if (!plan.ok) return report('warn', 'ssh', plan.error);
      deps.events.record('info', 'ssh', plan.summary);
      const code = deps.runInTerminal('ssh', plan.args);
      report(
        code === 0 ? 'info' : 'warn',
        'ssh',
        `${plan.summary}: exited with ${code === null ? 'a signal' : code}`,
      );
    },
    [deps, service, report],
  );
}
