import { createInterface } from 'node:readline';
import { runCli, scenarioToPlay } from './evoke.ts';
import { playInTerminal } from './play.ts';

const io = {
  out: (t: string) => process.stdout.write(t + '\n'),
  err: (t: string) => process.stderr.write(t + '\n'),
};
const argv = process.argv.slice(2);
if (argv[0] === 'play') {
  const scenario = scenarioToPlay(argv.slice(1), io);
  if (typeof scenario === 'number') process.exitCode = scenario;
  else {
    const rl = createInterface({ input: process.stdin, terminal: false });
    process.exitCode = await playInTerminal(scenario, rl[Symbol.asyncIterator](), io.out);
    rl.close();
  }
} else if (argv[0] === 'code' && argv.length === 1) {
  // Loaded only here, so the other commands do not pay for the coder's weights.
  const { runCode } = await import('./code.ts');
  const rl = createInterface({ input: process.stdin, terminal: false });
  process.exitCode = await runCode([], rl[Symbol.asyncIterator](), io);
  rl.close();
} else {
  process.exitCode = runCli(argv, io);
}
