import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { RETRY_MAX_MS, RETRY_MIN_MS, WakeLockKeeper } from '../../src/wake-lock.js';
import { FakeClock, settle } from './fakes.js';

/** A page whose visibility the test sets, and a wake-lock API that grants or refuses. */
function fixture({ grant = true } = {}) {
  const document = new EventTarget();
  document.visibilityState = 'visible';
  const requests = [];
  const wakeLock = {
    grant,
    async request(type) {
      requests.push(type);
      if (!this.grant) throw new DOMException('refused', 'NotAllowedError');
      const sentinel = new EventTarget();
      sentinel.released = false;
      sentinel.release = async () => {
        if (sentinel.released) return;
        sentinel.released = true;
        sentinel.dispatchEvent(new Event('release'));
      };
      requests.sentinel = sentinel;
      return sentinel;
    },
  };
  const timers = new FakeClock();
  const states = [];
  const keeper = new WakeLockKeeper({ wakeLock, document, timers, onState: (state) => states.push(state) });
  const setVisibility = (state) => {
    document.visibilityState = state;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  return { document, wakeLock, requests, timers, states, keeper, setVisibility };
}

describe('WakeLockKeeper', () => {
  it('holds a screen lock while the page is visible', async () => {
    const { keeper, requests, states } = fixture();
    keeper.start();
    await settle();
    assert.deepEqual([...requests], ['screen']);
    assert.deepEqual(states, ['held']);
    assert.equal(requests.sentinel.released, false);
  });

  it('asks again when the page is visible after the browser released the lock on hiding it', async () => {
    const { keeper, requests, states, setVisibility, timers } = fixture();
    keeper.start();
    await settle();
    setVisibility('hidden');
    await requests.sentinel.release();
    await settle();
    assert.deepEqual(states, ['held', 'released']);
    assert.deepEqual(timers.pending, [], 'nothing asked for while hidden');
    setVisibility('visible');
    await settle();
    assert.equal(requests.length, 2);
    assert.deepEqual(states, ['held', 'released', 'held']);
  });

  it('asks again soon when the system takes the lock back from a visible page', async () => {
    const { keeper, requests, states, timers } = fixture();
    keeper.start();
    await settle();
    await requests.sentinel.release();
    assert.deepEqual(states, ['held', 'released']);
    assert.deepEqual(timers.pending, [RETRY_MIN_MS]);
    await timers.advance(RETRY_MIN_MS);
    assert.equal(requests.length, 2);
    assert.equal(states.at(-1), 'held');
  });

  it('retries a refusal with back-off up to five minutes, and holds once granted', async () => {
    const { keeper, wakeLock, requests, states, timers } = fixture({ grant: false });
    keeper.start();
    await settle();
    const delays = [];
    for (let i = 0; i < 8; i += 1) {
      const [delay] = timers.pending;
      delays.push(delay);
      await timers.advance(delay);
    }
    assert.deepEqual(delays, [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, RETRY_MAX_MS, RETRY_MAX_MS]);
    assert.equal(states.at(-1), 'refused');
    wakeLock.grant = true;
    await timers.advance(timers.pending[0]);
    assert.equal(states.at(-1), 'held');
    assert.equal(requests.length, 10);
    assert.deepEqual(timers.pending, []);
  });

  it('says so where the browser has no wake lock, and asks nothing', () => {
    const states = [];
    new WakeLockKeeper({ wakeLock: undefined, document: new EventTarget(), onState: (state) => states.push(state) }).start();
    assert.deepEqual(states, ['unsupported']);
  });

  it('releases the lock and stops asking when stopped', async () => {
    const { keeper, requests, setVisibility, timers } = fixture();
    keeper.start();
    await settle();
    const sentinel = requests.sentinel;
    keeper.stop();
    await settle();
    assert.equal(sentinel.released, true);
    setVisibility('visible');
    await settle();
    assert.equal(requests.length, 1);
    assert.deepEqual(timers.pending, []);
  });
});
