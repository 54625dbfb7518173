/** An error the CLI prints as one line before exiting non-zero. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Progress on stderr: a bar when stderr is a terminal, a line per 10% otherwise. */
export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  let lastDecile = -1;
  const startedAt = Date.now();
  return {
    update(done: number) {
      const fraction = total === 0 ? 1 : Math.min(1, done / total);
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total}`);
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          stream.write(`${label} ${decile * 10}% (${done}/${total})\n`);
        }
      }
    },
    finish() {
      if (stream.isTTY) stream.write('\n');
      return (Date.now() - startedAt) / 1000;
    },
  };
}
