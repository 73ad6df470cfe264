/**
 * OSC 52 sets the clipboard of the terminal the user sits at, also over SSH.
 * Inside tmux the sequence must be wrapped in a DCS passthrough (and tmux
 * needs `set -g allow-passthrough on` or `set-clipboard on`).
 */
export function osc52(
  text: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const sequence = `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
  if (env['TMUX'])
    return `\u001BPtmux;${sequence.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`;
  if ((env['TERM'] ?? '').startsWith('screen'))
    return `\u001BP${sequence}\u001B\\`;
  return sequence;
}
