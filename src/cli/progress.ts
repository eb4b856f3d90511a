/** Progress on stderr: a redrawn bar on a terminal; otherwise a line per tenth, for ten files or more. */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    tick(done: number, label: string) {
      if (total < 2) return;
      if (tty) {
        const width = 24;
        const filled = Math.round((done / total) * width);
        const name = label.length > 40 ? `…${label.slice(-39)}` : label;
        stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
        if (done === total) stream.write('\r\x1b[K');
      } else if (total >= 10 && (done % step === 0 || done === total)) {
        stream.write(`checked ${done}/${total}\n`);
      }
    },
  };
}
