import { describe, expect, it } from 'vitest';
import { RouteBudget } from '../../../src/content/navigation.ts';

describe('checks after in-page navigation', () => {
  it('lets a few through at once, then one per refill period', () => {
    const b = new RouteBudget(3, 10_000, 0);
    for (let i = 0; i < 3; i++) {
      expect(b.wait(i)).toBe(0);
      b.take(i);
    }
    expect(b.wait(3)).toBe(9_997);
    b.take(10_003);
    expect(b.wait(10_003)).toBe(9_997);
  });

  it('lets a page cycling addresses every second probe at most a handful of times a minute', () => {
    const b = new RouteBudget(3, 10_000, 0);
    let checks = 0;
    let next = 0;
    for (let t = 0; t < 60_000; t += 1000) {
      if (t < next) continue;
      const wait = b.wait(t);
      if (wait === 0) {
        b.take(t);
        checks++;
      } else next = t + wait;
    }
    expect(checks).toBeLessThanOrEqual(9);
  });
});
