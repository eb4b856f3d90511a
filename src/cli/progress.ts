/** Progress on stderr: a redrawn bar on a terminal; otherwise a line per tenth, for ten files or more. */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr, verb = 'checked') {
  const tty = Boolean(stream.isTTY);
  const step = Math.max(1, Math.ceil(total / 10));
  let drawn = false;
  /** Wipes the bar before a result is printed, so that the two never share a line. */
  const clear = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return {
    clear,
    tick(done: number, label: string) {
      if (total < 2) return;
      if (tty) {
        const width = 24;
        const filled = Math.round((done / total) * width);
        const name = label.length > 40 ? `…${label.slice(-39)}` : label;
        stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
        drawn = true;
        if (done === total) clear();
      } else if (total >= 10 && (done % step === 0 || done === total)) {
        stream.write(`${verb} ${done}/${total}\n`);
      }
    },
  };
}
