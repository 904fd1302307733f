// The progress bar every `triad import` subcommand draws while it runs.

/** A progress bar with rate and ETA on stderr, only when stderr is a terminal. */
export function createProgress(unit = 'issues') {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done: number, total: number) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const width = 30;
      const filled = Math.round(share * width);
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} ${unit}, ${Math.round(rate)}/s, ETA ${eta.toFixed(0)} s `,
      );
    },
    done() {
      if (tty && shown) process.stderr.write('\n');
      shown = false;
    },
  };
}
