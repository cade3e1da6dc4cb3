// Interop scenario: Autobahn|JS over WebSocket or RawSocket against a running Wampscope router.
//
//   node autobahn_js.mjs --url URL --realm realm1 --serializer json|msgpack|cbor
//
// URL is ws://HOST:PORT/ws or wss://HOST:PORT/ws (WebSocket; for wss:// set
// NODE_EXTRA_CA_CERTS to the router's certificate), rs://HOST:PORT (RawSocket
// over TCP) or unix:///PATH (RawSocket over a Unix socket). Autobahn|JS's Node
// RawSocket transport (lib/transport/rawsocket.js) speaks JSON only and has no
// TLS, so there is no rss:// here.
//
// Prints one `ok NAME` / `FAIL NAME: detail` line per check and a final
// `N passed, M failed`; exits 0 only if every check passed.

import { fileURLToPath } from 'node:url';
import autobahn from 'autobahn';
import {
  CheckRunner, ECHO_ARGS, ECHO_KWARGS, Inbox, LONG_CHECK_TIMEOUT_MS,
  expectEqual, expectFailure, parseClientArgs, serveAsVanishingCallee, startVanishingCallee,
} from './harness.mjs';

const SCRIPT_PATH = fileURLToPath(import.meta.url);
const TOPIC = 'com.example.topic';
const CONCURRENT_SESSIONS = 5;
const CALLS_PER_SESSION = 10;

const SERIALIZER_CLASSES = {
  json: autobahn.serializer.JSONSerializer,
  msgpack: autobahn.serializer.MsgpackSerializer,
  cbor: autobahn.serializer.CBORSerializer,
};

// The `url` or `transports` option for args.url.
function transportOptions(args) {
  const url = new URL(args.url);
  if (url.protocol === 'ws:' || url.protocol === 'wss:') {
    return { url: args.url };
  }
  if (args.serializer !== 'json') {
    throw new Error(`Autobahn|JS's Node RawSocket transport is JSON only, not ${args.serializer}`);
  }
  if (url.protocol === 'rs:') {
    return { transports: [{ type: 'rawsocket', host: url.hostname, port: Number(url.port) }] };
  }
  if (url.protocol === 'unix:') {
    return { transports: [{ type: 'rawsocket', path: url.pathname }] };
  }
  throw new Error(`Autobahn|JS cannot connect to ${args.url} (its Node RawSocket transport has no TLS)`);
}

function connectionOptions(args, realm) {
  const Serializer = SERIALIZER_CLASSES[args.serializer];
  if (!Serializer) {
    throw new Error(`Autobahn|JS has no ${args.serializer} serializer here (is its npm dependency installed?)`);
  }
  return {
    ...transportOptions(args),
    realm,
    serializers: [new Serializer()],
    max_retries: 0,
    retry_if_unreachable: false,
    use_es6_promises: true,
    on_user_error: reportUnexpectedUserError,
  };
}

// Autobahn|JS logs every error raised by a handler; the application errors
// raised on purpose by com.example.fail are expected, anything else is not.
function reportUnexpectedUserError(error, context) {
  if (!(error instanceof autobahn.Error)) {
    console.error(context, error);
  }
}

// Opens a connection. `joined` resolves with {session, details} on WELCOME;
// `closed` resolves with {reason, details} when the connection ends.
function connect(args, realm = args.realm) {
  const connection = new autobahn.Connection(connectionOptions(args, realm));
  const closed = new Promise((resolve) => {
    connection.onclose = (reason, details) => {
      resolve({ reason, details });
      return true; // never reconnect
    };
  });
  const joined = new Promise((resolve, reject) => {
    connection.onopen = (session, details) => resolve({ session, details });
    closed.then(({ reason, details }) => reject(
      new Error(`connection closed before joining: ${reason} ${details.reason ?? ''}`)));
  });
  connection.open();
  return { connection, joined, closed };
}

async function join(args) {
  const { connection, joined, closed } = connect(args);
  const { session, details } = await joined;
  return { connection, session, details, closed };
}

// Sends GOODBYE and expects the router's GOODBYE reply before the socket closes.
async function leave(peer) {
  peer.connection.close();
  const { details } = await peer.closed;
  expectEqual(details.reason, 'wamp.close.goodbye_and_out', 'GOODBYE reason from the router');
}

function expectErrorUri(error, uri) {
  expectEqual(error.error, uri, 'error URI');
}

async function registerProcedures(session) {
  await Promise.all([
    session.register('com.example.add2', ([a, b]) => a + b),
    session.register('com.example.echo', (args, kwargs) => new autobahn.Result(args, kwargs)),
    session.register('com.example.fail', () => {
      throw new autobahn.Error('com.example.error.bad_input', ['bad'], { why: 'because' });
    }),
    session.register('com.example.slow', () => new Promise(() => {})),
  ]);
}

async function checkCalls(runner, caller) {
  await runner.check('call add2(2, 3) returns 5', async () => {
    expectEqual(await caller.call('com.example.add2', [2, 3]), 5, 'add2 result');
  });
  await runner.check('echo round-trips a complex payload', async () => {
    const result = await caller.call('com.example.echo', ECHO_ARGS, ECHO_KWARGS);
    expectEqual({ args: result.args, kwargs: result.kwargs }, { args: ECHO_ARGS, kwargs: ECHO_KWARGS }, 'echo');
  });
}

async function checkCallErrors(runner, args, caller) {
  await runner.check('application error reaches the caller with args and kwargs', async () => {
    const error = await expectFailure(caller.call('com.example.fail'), 'calling com.example.fail');
    expectEqual(
      { uri: error.error, args: error.args, kwargs: error.kwargs },
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
      rival.session.register('com.example.add2', () => 0), 'registering com.example.add2 again');
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
    expectEqual(await caller.call('com.example.add2', [20, 22]), 42, 'add2 result');
  });
  return { slowCall };
}

async function subscribe(session, inbox) {
  return session.subscribe(TOPIC, (args, kwargs) => inbox.push({ args, kwargs }));
}

async function checkPubSub(runner, args, publisher) {
  const subscribers = await runner.step('two subscriber sessions join',
    () => Promise.all([join(args), join(args)]));
  const [first, second] = subscribers;
  const inboxes = { first: new Inbox(), second: new Inbox(), publisher: new Inbox() };
  const secondSubscription = await runner.step('subscribers and publisher subscribe', async () => {
    const [, subscription] = await Promise.all([
      subscribe(first.session, inboxes.first),
      subscribe(second.session, inboxes.second),
      subscribe(publisher.session, inboxes.publisher),
    ]);
    return subscription;
  });

  await runner.check('acknowledged publish returns a publication id', async () => {
    const publication = await publisher.session.publish(TOPIC, ['hello'], { count: 1 }, { acknowledge: true });
    if (!Number.isSafeInteger(publication.id) || publication.id <= 0) {
      throw new Error(`bad publication id ${publication.id}`);
    }
  });
  await runner.check('both subscribers receive args and kwargs', async () => {
    expectEqual(await inboxes.first.next(), { args: ['hello'], kwargs: { count: 1 } }, 'first subscriber event');
    expectEqual(await inboxes.second.next(), { args: ['hello'], kwargs: { count: 1 } }, 'second subscriber event');
  });
  await runner.check('publisher does not receive its own event by default', () => inboxes.publisher.expectNothing());
  await runner.check('broker announces publisher_exclusion', () => {
    expectEqual(publisher.details.roles?.broker?.features?.publisher_exclusion, true, 'WELCOME broker feature');
  });
  await runner.check('exclude_me=false delivers the event to its publisher too', async () => {
    await publisher.session.publish(TOPIC, ['mine'], null, { exclude_me: false, acknowledge: true });
    const expected = { args: ['mine'], kwargs: {} };
    expectEqual(await inboxes.publisher.next(), expected, 'publisher event');
    expectEqual(await inboxes.first.next(), expected, 'first subscriber event');
    expectEqual(await inboxes.second.next(), expected, 'second subscriber event');
  });
  await runner.check('unsubscribed session receives no more events', async () => {
    await second.session.unsubscribe(secondSubscription);
    await publisher.session.publish(TOPIC, ['later'], null, { acknowledge: true });
    expectEqual(await inboxes.first.next(), { args: ['later'], kwargs: {} }, 'still subscribed event');
    await inboxes.second.expectNothing();
  });
  return subscribers;
}

async function registerVanishingProcedure(args, handler) {
  const { session } = await join(args);
  await session.register('com.example.vanish', handler);
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
    const attempt = connect(args, 'com.example.no_such_realm');
    const { details } = await Promise.race([
      attempt.joined.then(() => { throw new Error('joined a realm that does not exist'); }),
      attempt.closed,
    ]);
    expectEqual(details.reason, 'wamp.error.no_such_realm', 'ABORT reason');
  });
}

async function checkConcurrentSessions(runner, args) {
  const name = `${CONCURRENT_SESSIONS} sessions each make ${CALLS_PER_SESSION} concurrent calls`;
  await runner.check(name, async () => {
    const peers = await Promise.all(Array.from({ length: CONCURRENT_SESSIONS }, () => join(args)));
    const calls = peers.flatMap((peer, p) => Array.from({ length: CALLS_PER_SESSION }, async (_, i) => {
      const [a, b] = [p, 1000 * i];
      expectEqual(await peer.session.call('com.example.add2', [a, b]), a + b, `add2(${a}, ${b})`);
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
  const callee = await runner.step('callee joins with the requested serializer', async () => {
    const peer = await join(args);
    expectEqual(peer.details.transport.protocol, `wamp.2.${args.serializer}`, 'negotiated subprotocol');
    return peer;
  });
  await runner.step('callee registers add2, echo, fail and slow', () => registerProcedures(callee.session));
  const caller = await runner.step('caller joins', () => join(args));

  await checkCalls(runner, caller.session);
  await checkCallErrors(runner, args, caller.session);
  const { slowCall } = await checkCallWhileAnotherIsPending(runner, caller.session);
  const subscribers = await checkPubSub(runner, args, caller);
  await checkVanishingCallee(runner, args, caller.session);
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
