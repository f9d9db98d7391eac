// Timing helpers: performance.now(), a warm-up, the median of several runs, and the runs of
// several tasks interleaved so that a busy machine slows them all alike.

const gc = (globalThis as { gc?: () => void }).gc;

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function timeOnce(fn: () => unknown): number {
  return measureOnce(fn).wall;
}

/** Wall time (performance.now) and this process's CPU time, which a busy machine inflates less. */
export function measureOnce(fn: () => unknown): { wall: number; cpu: number } {
  gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

export interface Plan {
  warmup: number;
  runs: number;
}

/** CPU milliseconds of the timed runs, per task, from the last call of interleaved(). */
export let lastCpuSamples: Record<string, number[]> = {};

/** Runs each task `warmup` times untimed, then `runs` times timed (wall ms), in rotating order. */
export function interleaved<K extends string>(tasks: Record<K, () => unknown>, plan: Plan): Record<K, number[]> {
  const names = Object.keys(tasks) as K[];
  for (let i = 0; i < plan.warmup; i++) for (const k of names) tasks[k]();
  const samples = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, [] as number[]]));
  for (let i = 0; i < plan.runs; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length]!;
      const m = measureOnce(tasks[k]);
      samples[k].push(m.wall);
      cpu[k]!.push(m.cpu);
    }
  }
  lastCpuSamples = cpu;
  return samples;
}

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
