/** `opsdeck lab`: runs the lab in the foreground until Ctrl+C, for exploring and benchmarks. */
import { fstatSync } from 'node:fs';
import { describeLab } from './lab-info.js';
import { LAB_PARTS, startLab, type LabPart } from './lab.js';

export async function runLabCommand(options: {
  parts?: string | undefined;
  json?: boolean | undefined;
}): Promise<number> {
  const parts = options.parts
    ? (options.parts.split(',').map((part) => part.trim()) as LabPart[])
    : LAB_PARTS;
  const unknown = parts.filter((part) => !LAB_PARTS.includes(part));
  if (unknown.length > 0) {
    console.error(
      `opsdeck lab: unknown part ${unknown.join(', ')} (known: ${LAB_PARTS.join(', ')})`,
    );
    return 2;
  }
  const lab = await startLab({
    parts,
    progress: (line) => console.error(`lab: ${line}`),
  });
  if (options.json) {
    console.log(JSON.stringify(describeLab(lab)));
  } else {
    for (const line of lab.summary()) console.log(line);
    if (lab.moto) {
      console.log('\nIn another shell:');
      console.log(
        `  export AWS_CONFIG_FILE=${lab.moto.files.configFile} AWS_SHARED_CREDENTIALS_FILE=${lab.moto.files.credentialsFile}`,
      );
      console.log(
        `  opsdeck --profile lab --endpoint-url ${lab.moto.endpoint} --config ${lab.moto.files.opsdeckConfigFile}`,
      );
    }
    console.log('\nCtrl+C stops the lab.');
  }
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
      process.once(signal, () => resolve());
    // A program that started the lab with a pipe on stdin ends it by closing
    // the pipe, or by dying (no signal reaches the lab then).
    if (stdinIsPipe()) {
      process.stdin.once('end', resolve);
      process.stdin.once('close', resolve);
      process.stdin.resume();
    }
  });
  // A stdin still read would keep the process alive after the lab stops.
  process.stdin.destroy();
  await lab.stop();
  return 0;
}

function stdinIsPipe(): boolean {
  try {
    // Node hands its children a socket pair, shells a FIFO.
    const stdin = fstatSync(0);
    return stdin.isFIFO() || stdin.isSocket();
  } catch {
    return false;
  }
}
