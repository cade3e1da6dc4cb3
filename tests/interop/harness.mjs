// Shared plumbing for the Node interop clients: command line, check
// bookkeeping, timeouts, event inboxes and the vanishing-callee child process.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual, parseArgs } from 'node:util';

const SERIALIZERS = ['json', 'msgpack', 'cbor'];
const MODES = ['scenario', 'vanish-callee'];
const CHECK_TIMEOUT_MS = 5000;
// For checks that start processes or many sessions.
export const LONG_CHECK_TIMEOUT_MS = 10000;
const SCENARIO_TIMEOUT_MS = 30000;
// How long to wait before concluding that an event was (correctly) not delivered.
const QUIET_PERIOD_MS = 500;

// Payload for the echo round trip: nesting, unicode, the largest integer a
// double holds exactly, a non-integral float, booleans, null and empty containers.
export const ECHO_ARGS = [1, 'grüß 🚀', [2, [3, { deep: null }]], 2 ** 53 - 1];
export const ECHO_KWARGS = {
  nested: { list: [1, 'two', 3.25, false, null], dict: { x: { y: 'z' } } },
  unicode: 'grüß 🚀',
  big: 2 ** 53 - 1,
  float: 1.5,
  flag: true,
  nothing: null,
  empty_list: [],
  empty_dict: {},
};

export function parseClientArgs() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      realm: { type: 'string', default: 'realm1' },
      serializer: { type: 'string', default: 'json' },
      mode: { type: 'string', default: 'scenario' },
    },
  });
  if (!values.url) {
    usageError('--url is required');
  }
  if (!SERIALIZERS.includes(values.serializer)) {
    usageError(`--serializer must be one of ${SERIALIZERS.join(', ')}`);
  }
  if (!MODES.includes(values.mode)) {
    usageError(`--mode must be one of ${MODES.join(', ')}`);
  }
  return values;
}

function usageError(message) {
  console.error(`usage: --url ws[s]://HOST:PORT/ws|rs://HOST:PORT|unix:///PATH [--realm REALM] ` +
    `[--serializer ${SERIALIZERS.join('|')}]`);
  console.error(message);
  process.exit(2);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function describe(value) {
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
}

export function expectEqual(actual, expected, what) {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: expected ${describe(expected)}, got ${describe(actual)}`);
  }
}

// Resolves with the rejection reason of `promise`; throws if it fulfils.
export async function expectFailure(promise, what) {
  let value;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`${what} succeeded with ${describe(value)}, expected a failure`);
}

class ScenarioAborted extends Error {}

// Runs named checks, prints `ok NAME` / `FAIL NAME: detail`, and the final tally.
export class CheckRunner {
  passed = 0;
  failed = 0;

  // A check whose failure is recorded; the scenario goes on.
  async check(name, body, timeoutMs = CHECK_TIMEOUT_MS) {
    await this.#attempt(name, body, timeoutMs);
  }

  // A check that later checks depend on: its failure ends the scenario.
  async step(name, body, timeoutMs = CHECK_TIMEOUT_MS) {
    const outcome = await this.#attempt(name, body, timeoutMs);
    if (!outcome.ok) {
      throw new ScenarioAborted(name);
    }
    return outcome.value;
  }

  async #attempt(name, body, timeoutMs) {
    try {
      const value = await withTimeout(Promise.resolve().then(body), timeoutMs, name);
      this.#pass(name);
      return { ok: true, value };
    } catch (error) {
      this.#fail(name, error);
      return { ok: false };
    }
  }

  // Runs the whole scenario under a watchdog, prints the tally and exits.
  async run(scenario, timeoutMs = SCENARIO_TIMEOUT_MS) {
    setTimeout(() => {
      this.#fail('scenario', new Error(`did not finish within ${timeoutMs / 1000} s`));
      this.#finish();
    }, timeoutMs);
    try {
      await scenario(this);
    } catch (error) {
      if (!(error instanceof ScenarioAborted)) {
        this.#fail('scenario', error);
      }
    }
    this.#finish();
  }

  #pass(name) {
    this.passed += 1;
    console.log(`ok ${name}`);
  }

  #fail(name, error) {
    this.failed += 1;
    console.log(`FAIL ${name}: ${error?.message ?? describe(error)}`);
  }

  #finish() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed === 0 && this.passed > 0 ? 0 : 1);
  }
}

// Collects events of one subscription; lets a check wait for the next one or
// assert that none arrives.
export class Inbox {
  #events = [];
  #waiters = [];

  push(event) {
    const waiter = this.#waiters.shift();
    if (waiter) {
      waiter(event);
    } else {
      this.#events.push(event);
    }
  }

  async next(ms = CHECK_TIMEOUT_MS) {
    if (this.#events.length > 0) {
      return this.#events.shift();
    }
    let waiter;
    const arrival = new Promise((resolve) => {
      waiter = resolve;
      this.#waiters.push(waiter);
    });
    try {
      return await withTimeout(arrival, ms, 'waiting for an event');
    } finally {
      this.#waiters = this.#waiters.filter((w) => w !== waiter);
    }
  }

  async expectNothing(ms = QUIET_PERIOD_MS) {
    await sleep(ms);
    if (this.#events.length > 0) {
      throw new Error(`unexpected event ${describe(this.#events[0])}`);
    }
  }
}

// Starts this same script in `--mode vanish-callee`. The child registers the
// procedure, prints `ready`, and kills itself with SIGKILL once invoked, so the
// router sees the connection drop without a GOODBYE or a transport-level close.
export async function startVanishingCallee(scriptPath, args) {
  const child = spawn(process.execPath, [
    scriptPath, '--mode', 'vanish-callee',
    '--url', args.url, '--realm', args.realm, '--serializer', args.serializer,
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise((resolve, reject) => {
    lines.on('line', (line) => line.trim() === 'ready' && resolve());
    exited.then(({ code, signal }) => reject(new Error(`vanishing callee exited early (code ${code}, signal ${signal})`)));
  });
  try {
    await withTimeout(ready, CHECK_TIMEOUT_MS, 'vanishing callee to register');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { exited, kill: () => child.kill('SIGKILL') };
}

// The child side of startVanishingCallee(): `register(handler)` registers the
// procedure with a handler that kills this process.
export async function serveAsVanishingCallee(register) {
  setTimeout(() => process.exit(1), SCENARIO_TIMEOUT_MS); // never outlive the scenario
  await register(() => process.kill(process.pid, 'SIGKILL'));
  console.log('ready');
}
