/** Polls until check() passes, or fails with what was being waited for. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  options: {
    timeoutMs?: number;
    intervalMs?: number;
    exited?: Promise<unknown>;
  } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30000);
  let gone = false;
  void options.exited?.then(() => {
    gone = true;
  });
  for (;;) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    if (gone)
      throw new Error(`${what}: the process exited before it was ready`);
    if (Date.now() > deadline)
      throw new Error(
        `${what}: not ready after ${options.timeoutMs ?? 30000} ms`,
      );
    await new Promise((resolve) =>
      setTimeout(resolve, options.intervalMs ?? 100),
    );
  }
}
