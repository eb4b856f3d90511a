/** A reference the reader adds says what it is: an original, or a known copy taken at the reader's word. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReference } from '../../../../src/core/index.ts';
import { nodeSourceFreeAnalyser } from '../../../../src/node/source-free.ts';
import { parseMessage } from '../../../../src/shared/protocol/messages.ts';

const FLUENT = readFileSync(new URL('../../../fixtures/independent/call-kremlin-readout.txt', import.meta.url), 'utf8');
const SPUN_SEED = readFileSync(new URL('../../../../seeds/002_b3d92c4e0d45b0a9.txt', import.meta.url), 'utf8');
const analyser = nodeSourceFreeAnalyser();

describe('the role a reader gives a reference', () => {
  it('takes a known copy at the reader\'s word', () => {
    const ref = buildReference({ id: 'a', text: FLUENT, role: 'spun' }, analyser);
    expect(ref.role).toBe('spun');
    expect(ref.roleReason).toBe('Added as a known spun copy.');
    expect(buildReference({ id: 'b', text: FLUENT, role: 'copy' }, analyser).roleReason).toBe('Added as a known copy.');
  });

  it('calls an "original" an original only when its own text agrees', () => {
    expect(buildReference({ id: 'c', text: FLUENT, role: 'original' }, analyser).role).toBe('original');
    expect(buildReference({ id: 'd', text: SPUN_SEED, role: 'original' }, analyser).role).toBe('spun');
  });

  it('is part of the message, and only one of the four roles passes', () => {
    const doc = { title: 'T', text: 'Some text.', source: 'S', url: null, date: null };
    expect(parseMessage({ type: 'add-reference', doc: { ...doc, role: 'spun' } }).ok).toBe(true);
    expect(parseMessage({ type: 'add-reference', doc }).ok).toBe(true);
    expect(parseMessage({ type: 'add-reference', doc: { ...doc, role: 'trusted' } }).ok).toBe(false);
  });
});
