import { cpus, totalmem } from 'node:os';

/** One line describing the machine, printed by every benchmark. */
export function describeMachine(): string {
  const cpu = cpus();
  return `machine: ${cpu[0]?.model ?? 'unknown cpu'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${process.platform}/${process.arch}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
