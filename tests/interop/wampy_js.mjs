// Interop scenario: Wampy.js over WebSocket (the `ws` package) against a
// running Wampscope router.
//
//   node wampy_js.mjs --url ws://127.0.0.1:PORT/ws --realm realm1 --serializer json|msgpack|cbor
//
// Prints one `ok NAME` / `FAIL NAME: detail` line per check and a final
// `N passed, M failed`; exits 0 only if every check passed.
//
// Wampy only sends `exclude_me` when it is true, so unlike autobahn_js.mjs this
// scenario cannot ask the broker to deliver a publisher's own event.

import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { Wampy } from 'wampy';
import { CborSerializer } from 'wampy/CborSerializer.js';
import { JsonSerializer } from 'wampy/JsonSerializer.js';
import { MsgpackSerializer } from 'wampy/MsgpackSerializer.js';
import {
  CheckRunner, ECHO_ARGS, ECHO_KWARGS, Inbox, LONG_CHECK_TIMEOUT_MS,
  describe, expectEqual, expectFailure, parseClientArgs, serveAsVanishingCallee, startVanishingCallee,
} from './harness.mjs';

const SCRIPT_PATH = fileURLToPath(import.meta.url);
const TOPIC = 'com.example.topic';
const CONCURRENT_SESSIONS = 5;
const CALLS_PER_SESSION = 10;

const SERIALIZER_CLASSES = {
  json: JsonSerializer,
  msgpack: MsgpackSerializer,
  cbor: CborSerializer,
};

// What a callee throws to make Wampy answer with an application error.
class ApplicationError extends Error {
  constructor(uri, argsList, argsDict) {
    super(uri);
    this.error = uri;
    this.argsList = argsList;
    this.argsDict = argsDict;
  }
}

function createClient(args, realm) {
  return new Wampy(args.url, {
    realm,
    ws: WebSocket,
    serializer: new SERIALIZER_CLASSES[args.serializer](),
    autoReconnect: false,
    onError: logSessionError,
  });
}

// Wampy rejects pending requests with a bare "Websocket error" when the router
// aborts a session; this logs the reason (expected once, for the unknown realm).
function logSessionError(error) {
  console.error(`wampy onError: ${error.message} ${error.errorUri ?? ''} ${describe(error.details ?? {})}`);
}

// Joins the realm; resolves with {client, welcome} where `welcome` holds the
// WELCOME details.
async function join(args, realm = args.realm) {
  const client = createClient(args, realm);
  const welcome = await client.connect();
  return { client, welcome };
}

// Sends GOODBYE and waits for the connection to close (Wampy does not expose
// the router's GOODBYE reply).
async function leave(peer) {
  await peer.client.disconnect();
}

function expectErrorUri(error, uri) {
  expectEqual(error.errorUri, uri, `error URI (${error.message})`);
}

// msgpackr, which Wampy uses, decodes 64-bit integers as BigInt.
function withBigIntsAsNumbers(value) {
  return JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
}

async function registerProcedures(client) {
  await Promise.all([
    client.register('com.example.add2', ({ argsList: [a, b] }) => ({ argsList: [a + b] })),
    client.register('com.example.echo', ({ argsList, argsDict }) => ({ argsList, argsDict })),
    client.register('com.example.fail', () => {
      throw new ApplicationError('com.example.error.bad_input', ['bad'], { why: 'because' });
    }),
    client.register('com.example.slow', () => new Promise(() => {})),
  ]);
}

async function add2(client, a, b) {
  const { argsList } = await client.call('com.example.add2', [a, b]);
  return argsList[0];
}

async function checkCalls(runner, caller) {
  await runner.check('call add2(2, 3) returns 5', async () => {
    expectEqual(await add2(caller, 2, 3), 5, 'add2 result');
  });
  await runner.check('echo round-trips a complex payload', async () => {
    const result = await caller.call('com.example.echo', { argsList: ECHO_ARGS, argsDict: ECHO_KWARGS });
    expectEqual(
      withBigIntsAsNumbers({ args: result.argsList, kwargs: result.argsDict }),
      { args: ECHO_ARGS, kwargs: ECHO_KWARGS },
      'echo');
  });
}

async function checkCallErrors(runner, args, caller) {
  await runner.check('application error reaches the caller with args and kwargs', async () => {
    const error = await expectFailure(caller.call('com.example.fail'), 'calling com.example.fail');
    expectEqual(
      { uri: error.errorUri, args: error.argsList, kwargs: error.argsDict },
      { uri: 'com.example.error.bad_input', args: ['bad'], kwargs: { why: 'because' } },
      'error');
  });
  await runner.check('calling an unregistered procedure fails with no_such_procedure', async () => {
    const error = await expectFailure(caller.call('com.example.nope'), 'calling com.example.nope');
    expectErrorUri(error, 'wamp.error.no_such_procedure');
  });
  await runner.check('registering a taken procedure fails with procedure_already_exists', async () => {
    const rival = await join(args);
    const error = await expectFailure(
      rival.client.register('com.example.add2', () => 0), 'registering com.example.add2 again');
    expectErrorUri(error, 'wamp.error.procedure_already_exists');
    await leave(rival);
  });
}

// Leaves a call to com.example.slow in flight (returned wrapped, as awaiting it
// would hang); checkLeaving() expects it to be canceled when the callee leaves.
async function checkCallWhileAnotherIsPending(runner, caller) {
  const slowCall = caller.call('com.example.slow');
  slowCall.catch(() => {}); // examined in checkLeaving()
  await runner.check('a pending call does not block other calls', async () => {
    expectEqual(await add2(caller, 20, 22), 42, 'add2 result');
  });
  return { slowCall };
}

async function subscribe(client, inbox) {
  const { subscriptionId } = await client.subscribe(TOPIC, ({ argsList, argsDict }) => {
    inbox.push({ args: argsList ?? [], kwargs: argsDict ?? {} });
  });
  return subscriptionId;
}

async function checkPubSub(runner, args, publisher) {
  const subscribers = await runner.step('two subscriber sessions join',
    () => Promise.all([join(args), join(args)]));
  const [first, second] = subscribers;
  const inboxes = { first: new Inbox(), second: new Inbox(), publisher: new Inbox() };
  const secondSubscription = await runner.step('subscribers and publisher subscribe', async () => {
    const [, subscriptionId] = await Promise.all([
      subscribe(first.client, inboxes.first),
      subscribe(second.client, inboxes.second),
      subscribe(publisher.client, inboxes.publisher),
    ]);
    return subscriptionId;
  });

  await runner.check('acknowledged publish returns a publication id', async () => {
    // Wampy always asks for acknowledge.
    const { publicationId } = await publisher.client.publish(TOPIC, { argsList: ['hello'], argsDict: { count: 1 } });
    // msgpackr hands out 64-bit integers (every id above 2^32) as BigInt; the value is what matters.
    const id = typeof publicationId === 'bigint' ? Number(publicationId) : publicationId;
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new Error(`bad publication id ${publicationId}`);
    }
  });
  await runner.check('both subscribers receive args and kwargs', async () => {
    expectEqual(await inboxes.first.next(), { args: ['hello'], kwargs: { count: 1 } }, 'first subscriber event');
    expectEqual(await inboxes.second.next(), { args: ['hello'], kwargs: { count: 1 } }, 'second subscriber event');
  });
  await runner.check('publisher does not receive its own event by default', () => inboxes.publisher.expectNothing());
  await runner.check('unsubscribed session receives no more events', async () => {
    await second.client.unsubscribe(secondSubscription);
    await publisher.client.publish(TOPIC, ['later']);
    expectEqual(await inboxes.first.next(), { args: ['later'], kwargs: {} }, 'still subscribed event');
    await inboxes.second.expectNothing();
  });
  return subscribers;
}

async function registerVanishingProcedure(args, handler) {
  const { client } = await join(args);
  await client.register('com.example.vanish', handler);
}

async function checkVanishingCallee(runner, args, caller) {
  await runner.check('callee vanishing mid-call cancels the call', async () => {
    const callee = await startVanishingCallee(SCRIPT_PATH, args);
    try {
      const error = await expectFailure(caller.call('com.example.vanish'), 'calling com.example.vanish');
      expectErrorUri(error, 'wamp.error.canceled');
      expectEqual((await callee.exited).signal, 'SIGKILL', 'callee exit signal');
    } finally {
      callee.kill();
    }
  }, LONG_CHECK_TIMEOUT_MS);
}

async function checkUnknownRealm(runner, args) {
  await runner.check('joining an unknown realm is aborted with no_such_realm', async () => {
    const error = await expectFailure(join(args, 'com.example.no_such_realm'), 'joining com.example.no_such_realm');
    expectErrorUri(error, 'wamp.error.no_such_realm');
  });
}

async function checkConcurrentSessions(runner, args) {
  const name = `${CONCURRENT_SESSIONS} sessions each make ${CALLS_PER_SESSION} concurrent calls`;
  await runner.check(name, async () => {
    const peers = await Promise.all(Array.from({ length: CONCURRENT_SESSIONS }, () => join(args)));
    const calls = peers.flatMap((peer, p) => Array.from({ length: CALLS_PER_SESSION }, async (_, i) => {
      const [a, b] = [p, 1000 * i];
      expectEqual(await add2(peer.client, a, b), a + b, `add2(${a}, ${b})`);
    }));
    await Promise.all(calls);
    await Promise.all(peers.map(leave));
  }, LONG_CHECK_TIMEOUT_MS);
}

async function checkLeaving(runner, callee, others, slowCall) {
  await runner.check('callee leaving cancels its in-flight call', async () => {
    await leave(callee);
    const error = await expectFailure(slowCall, 'calling com.example.slow');
    expectErrorUri(error, 'wamp.error.canceled');
  });
  await runner.check('remaining sessions leave with GOODBYE', () => Promise.all(others.map(leave)));
}

async function scenario(runner, args) {
  const callee = await runner.step('callee joins', () => join(args));
  await runner.step('callee registers add2, echo, fail and slow', () => registerProcedures(callee.client));
  const caller = await runner.step('caller joins', () => join(args));

  await checkCalls(runner, caller.client);
  await checkCallErrors(runner, args, caller.client);
  const { slowCall } = await checkCallWhileAnotherIsPending(runner, caller.client);
  const subscribers = await checkPubSub(runner, args, caller);
  await checkVanishingCallee(runner, args, caller.client);
  await checkUnknownRealm(runner, args);
  await checkConcurrentSessions(runner, args);
  await checkLeaving(runner, callee, [caller, ...subscribers], slowCall);
}

const args = parseClientArgs();
if (args.mode === 'vanish-callee') {
  await serveAsVanishingCallee((handler) => registerVanishingProcedure(args, handler));
} else {
  await new CheckRunner().run((runner) => scenario(runner, args));
}
