/** Stands in for the worker's handlers: a spy for every message the worker receives, each answering `value`. */
import { vi, type Mock } from 'vitest';
import type { WorkerHandlers } from '../../../src/background/router.ts';
import { SENDERS } from '../../../src/shared/protocol/messages.ts';

export type SpyHandlers = WorkerHandlers & { [T in keyof WorkerHandlers]: Mock };

export function spyHandlers(value: unknown): SpyHandlers {
  const types = Object.entries(SENDERS).filter(([, sender]) => sender !== 'tab');
  return Object.fromEntries(types.map(([type]) => [type, vi.fn(async () => value)])) as unknown as SpyHandlers;
}

/** How many messages reached any handler. */
export function handled(handlers: SpyHandlers): number {
  return Object.values(handlers).reduce((n, spy) => n + (spy as Mock).mock.calls.length, 0);
}
