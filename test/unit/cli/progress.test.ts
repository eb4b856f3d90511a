import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/cli/progress.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

describe('progress on stderr', () => {
  it('redraws a bar on a terminal and clears it at the end', () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(4, stream);
    for (let i = 1; i <= 4; i++) progress.tick(i, `file-${i}.txt`);
    expect(written[0]).toMatch(/^\r\x1b\[K\[#{6}\.{18}\] 1\/4 file-1\.txt$/);
    expect(written.at(-2)).toMatch(/\[#{24}\] 4\/4 file-4\.txt$/);
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('wipes the bar before a result is printed', () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(3, stream);
    progress.clear();
    expect(written).toEqual([]);
    progress.tick(1, 'a.txt');
    progress.clear();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('prints a line per tenth off a terminal, and nothing for a few files', () => {
    const many = fakeStream(false);
    const progress = createProgress(20, many.stream);
    for (let i = 1; i <= 20; i++) progress.tick(i, `f${i}`);
    expect(many.written).toEqual(Array.from({ length: 10 }, (_, k) => `checked ${2 * (k + 1)}/20\n`));
    const few = fakeStream(false);
    const quiet = createProgress(3, few.stream);
    for (let i = 1; i <= 3; i++) quiet.tick(i, `f${i}`);
    expect(few.written).toEqual([]);
  });
});
