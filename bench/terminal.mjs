#!/usr/bin/env node
// Terminal benchmark: bytes the console writes per key for a fixed walk, at
// 80x24 and 200x50, with the diff writer (what users get) and with
// OPSDECK_FULL_REDRAW=1 (Ink's whole frames, as before the writer), beside a
// full repaint (Ctrl+L). Runs the built CLI on the demo lab in a pty.
import pty from 'node-pty';
import xterm from '@xterm/headless';

const cli = new URL('../dist/opsdeck.js', import.meta.url).pathname;
const SIZES = [
  [80, 24],
  [200, 50],
];
/** [what, keys]: each step is measured from its keys until the console is quiet. */
const WALK = [
  ['cursor down one row', 'j'],
  ['cursor down one row', 'j'],
  ['cursor up one row', 'k'],
  ['page down', '\u001B[6~'],
  ['page up', '\u001B[5~'],
  ['open a dialog (start)', 's'],
  ['close the dialog', '\u001B'],
  ['switch pane (:eips)', ':eips\r'],
  ['switch pane (:instances)', ':instances\r'],
  ['open the filter', '/'],
  ['filter: w', 'w'],
  ['filter: e', 'e'],
  ['filter: b', 'b'],
  ['keep the filter', '\r'],
  ['clear the filter', '\u001B'],
  ['full repaint (Ctrl+L)', '\u000C'],
];
const QUIET_MS = 400;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(columns, rows, fullRedraw) {
  const env = { ...process.env, TERM: 'xterm-256color' };
  delete env.CI;
  if (fullRedraw) env.OPSDECK_FULL_REDRAW = '1';
  else delete env.OPSDECK_FULL_REDRAW;
  const terminal = new xterm.Terminal({
    cols: columns,
    rows,
    allowProposedApi: true,
  });
  const child = pty.spawn(process.execPath, [cli, '--demo'], {
    cols: columns,
    rows,
    env,
    name: 'xterm-256color',
  });
  let bytes = 0;
  let lastData = Date.now();
  child.onData((data) => {
    bytes += Buffer.byteLength(data);
    lastData = Date.now();
    terminal.write(data);
  });
  const screen = () =>
    Array.from(
      { length: rows },
      (_, row) =>
        terminal.buffer.active.getLine(row)?.translateToString(true) ?? '',
    ).join('\n');
  const quiet = async () => {
    while (Date.now() - lastData < QUIET_MS) await sleep(50);
  };
  try {
    const deadline = Date.now() + 120_000;
    while (
      !/Instances \(7\)/.test(screen()) ||
      !screen().includes('123456789012')
    ) {
      if (Date.now() > deadline)
        throw new Error(`the console did not start:\n${screen()}`);
      await sleep(100);
    }
    // Let the first pages and the key handlers settle before the walk.
    await sleep(2_000);
    await quiet();
    const perStep = [];
    for (const [, keys] of WALK) {
      const before = bytes;
      child.write(keys);
      // Every step changes the screen: wait for its first byte, then for quiet.
      const waitUntil = Date.now() + 10_000;
      while (bytes === before && Date.now() < waitUntil) await sleep(20);
      await quiet();
      perStep.push(bytes - before);
    }
    child.write('q');
    return perStep;
  } finally {
    setTimeout(() => child.kill(), 5_000).unref();
  }
}

const pad = (text, width) => String(text).padStart(width);
for (const [columns, rows] of SIZES) {
  const old = await measure(columns, rows, true);
  const now = await measure(columns, rows, false);
  console.log(
    `\n${columns}x${rows}: bytes written per key (old = OPSDECK_FULL_REDRAW=1, Ink's whole frames)`,
  );
  console.log(
    `${'step'.padEnd(26)}${pad('old', 8)}${pad('new', 8)}${pad('new/old', 9)}`,
  );
  let oldTotal = 0;
  let newTotal = 0;
  WALK.forEach(([what], index) => {
    const before = old[index] ?? 0;
    const after = now[index] ?? 0;
    if (index < WALK.length - 1) {
      oldTotal += before;
      newTotal += after;
    }
    const ratio = before > 0 ? (after / before).toFixed(2) : '-';
    console.log(
      `${what.padEnd(26)}${pad(before, 8)}${pad(after, 8)}${pad(ratio, 9)}`,
    );
  });
  console.log(
    `${'walk (without Ctrl+L)'.padEnd(26)}${pad(oldTotal, 8)}${pad(newTotal, 8)}${pad((newTotal / oldTotal).toFixed(2), 9)}`,
  );
  const move = now[0] ?? 0;
  console.log(
    `targets: one-row move ≤ 400 B at 80x24 (${move} B${columns === 80 ? (move <= 400 ? ', met' : ', missed') : ', n/a at this size'}); walk ≤ 25% of old (${((100 * newTotal) / oldTotal).toFixed(0)}%, ${newTotal <= oldTotal / 4 ? 'met' : 'missed'})`,
  );
}
