#!/usr/bin/python3
"""Interop scenario: Autobahn|Python (Twisted) over WebSocket or RawSocket
against a running Wampscope router.

    /usr/bin/python3 autobahn_py.py --url URL [--ca FILE] --realm realm1 \
        --serializer json|msgpack|cbor [--mode scenario|vanish-callee|await-shutdown]

URL is what the router prints when it starts listening: ws://HOST:PORT/ws or
wss://HOST:PORT/ws (WebSocket), rs://HOST:PORT or rss://HOST:PORT (RawSocket
over TCP or TLS), unix:///PATH (RawSocket over a Unix socket). For wss:// and
rss://, --ca names the PEM certificate the router's certificate must chain to.

Mode `scenario` (the default) prints one `ok NAME` / `FAIL NAME: detail` line
per check and a final `N passed, M failed`; it exits 0 only if every check
passed. `vanish-callee` is the child process the scenario starts to kill
mid-call. `await-shutdown` joins, prints `ready`, and checks that the router
ends the session with GOODBYE `wamp.close.system_shutdown` (used by
run_interop.py once it has sent SIGTERM to the router).
"""

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from urllib.parse import urlsplit

from autobahn.twisted.rawsocket import WampRawSocketClientFactory
from autobahn.twisted.wamp import ApplicationSession
from autobahn.twisted.websocket import WampWebSocketClientFactory
from autobahn.wamp.exception import ApplicationError
from autobahn.wamp.serializer import CBORSerializer, JsonSerializer, MsgPackSerializer
from autobahn.wamp.types import CallResult, ComponentConfig, PublishOptions
from twisted.internet import defer, error, protocol, reactor, task
from twisted.internet.endpoints import SSL4ClientEndpoint, TCP4ClientEndpoint, UNIXClientEndpoint
from twisted.internet.ssl import Certificate, optionsForClientTLS

SERIALIZERS = {'json': JsonSerializer, 'msgpack': MsgPackSerializer, 'cbor': CBORSerializer}
SCHEMES = ('ws', 'wss', 'rs', 'rss', 'unix')
MODES = ('scenario', 'vanish-callee', 'await-shutdown')
CHECK_TIMEOUT = 5
LONG_CHECK_TIMEOUT = 10  # for checks that start processes or many sessions
SCENARIO_TIMEOUT = 30
QUIET_PERIOD = 0.5  # how long to wait before concluding that no event arrives
TOPIC = 'com.example.topic'
CONCURRENT_SESSIONS = 5
CALLS_PER_SESSION = 10

# Payload for the echo round trip: nesting, unicode, the largest integer a
# double holds exactly, a non-integral float, booleans, null and empty containers.
ECHO_ARGS = [1, 'grüß 🚀', [2, [3, {'deep': None}]], 2**53 - 1]
ECHO_KWARGS = {
    'nested': {'list': [1, 'two', 3.25, False, None], 'dict': {'x': {'y': 'z'}}},
    'unicode': 'grüß 🚀',
    'big': 2**53 - 1,
    'float': 1.5,
    'flag': True,
    'nothing': None,
    'empty_list': [],
    'empty_dict': {},
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--url', required=True, help='ws://, wss://, rs://, rss:// or unix:// URL')
    parser.add_argument('--ca', help='PEM certificate to trust for wss:// and rss://')
    parser.add_argument('--realm', default='realm1')
    parser.add_argument('--serializer', choices=SERIALIZERS, default='json')
    parser.add_argument('--mode', choices=MODES, default='scenario')
    args = parser.parse_args()
    scheme = urlsplit(args.url).scheme
    if scheme not in SCHEMES:
        parser.error(f'--url: scheme {scheme!r} is not one of {", ".join(SCHEMES)}')
    if scheme in ('wss', 'rss') and not args.ca:
        parser.error(f'--ca is required for {scheme}://')
    return args


# ---------------------------------------------------------------- checks

def canonical(value):
    """JSON text of `value`: tells 1 from 1.0 and True, unlike ==."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def expect_equal(actual, expected, what):
    if canonical(actual) != canonical(expected):
        raise AssertionError(f'{what}: expected {canonical(expected)}, got {canonical(actual)}')


def expect_error_uri(failure, uri):
    expect_equal(getattr(failure, 'error', repr(failure)), uri, 'error URI')


async def expect_failure(awaitable, what):
    """Returns the exception `awaitable` raises; fails if it succeeds."""
    try:
        value = await awaitable
    except defer.CancelledError:
        raise
    except Exception as failure:
        return failure
    raise AssertionError(f'{what} succeeded with {value!r}, expected a failure')


def with_timeout(awaitable, seconds):
    return defer.ensureDeferred(awaitable).addTimeout(seconds, reactor)


def sleep(seconds):
    return task.deferLater(reactor, seconds)


async def gather(awaitables):
    """Awaits all of `awaitables`; raises the first failure among them."""
    deferreds = [defer.ensureDeferred(a) for a in awaitables]
    try:
        return await defer.gatherResults(deferreds, consumeErrors=True)
    except defer.FirstError as first:
        first.subFailure.raiseException()


class ScenarioAborted(Exception):
    pass


class CheckRunner:
    """Runs named checks, prints `ok NAME` / `FAIL NAME: detail`, and the tally."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    async def check(self, name, body, timeout=CHECK_TIMEOUT):
        """A check whose failure is recorded; the scenario goes on."""
        await self._attempt(name, body, timeout)

    async def step(self, name, body, timeout=CHECK_TIMEOUT):
        """A check that later checks depend on: its failure ends the scenario."""
        ok, value = await self._attempt(name, body, timeout)
        if not ok:
            raise ScenarioAborted(name)
        return value

    async def _attempt(self, name, body, timeout):
        try:
            value = await with_timeout(body(), timeout)
        except defer.TimeoutError:
            self._fail(name, f'timed out after {timeout} s')
            return False, None
        except Exception as failure:
            self._fail(name, failure)
            return False, None
        self._pass(name)
        return True, value

    async def run(self, scenario):
        """Runs `scenario(runner)` under a watchdog; ends with SystemExit."""
        reactor.callLater(SCENARIO_TIMEOUT, self._give_up)
        try:
            await scenario(self)
        except ScenarioAborted:
            pass
        except Exception as failure:
            self._fail('scenario', failure)
        self._print_tally()
        raise SystemExit(0 if self.failed == 0 and self.passed > 0 else 1)

    def _give_up(self):
        self._fail('scenario', f'did not finish within {SCENARIO_TIMEOUT} s')
        self._print_tally()
        os._exit(1)

    def _pass(self, name):
        self.passed += 1
        print(f'ok {name}')

    def _fail(self, name, failure):
        self.failed += 1
        detail = failure if isinstance(failure, str) else f'{type(failure).__name__}: {failure}'
        print(f'FAIL {name}: {detail}')

    def _print_tally(self):
        print(f'{self.passed} passed, {self.failed} failed')


class Inbox:
    """Collects the events of one subscription."""

    def __init__(self):
        self._events = []
        self._waiters = []

    def push(self, *args, **kwargs):
        event = {'args': list(args), 'kwargs': kwargs}
        if self._waiters:
            self._waiters.pop(0).callback(event)
        else:
            self._events.append(event)

    async def next(self, timeout=CHECK_TIMEOUT):
        if self._events:
            return self._events.pop(0)
        waiter = defer.Deferred()
        self._waiters.append(waiter)
        try:
            return await waiter.addTimeout(timeout, reactor)
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    async def expect_nothing(self):
        await sleep(QUIET_PERIOD)
        if self._events:
            raise AssertionError(f'unexpected event {canonical(self._events[0])}')


# ---------------------------------------------------------------- sessions

class JoinRefused(Exception):
    def __init__(self, details):
        super().__init__(f'router refused to join: {details.reason}')
        self.error = details.reason


class Peer(ApplicationSession):
    """A session whose life cycle can be awaited.

    `joined` fires on WELCOME (or fails on ABORT or a lost connection);
    `disconnected` fires when the transport is gone, with the CloseDetails of
    the GOODBYE or ABORT that ended the session, or None if there was none.
    """

    def __init__(self, config):
        super().__init__(config)
        self.joined = defer.Deferred()
        self.disconnected = defer.Deferred()
        self.router_roles = {}
        self.protocol = None  # the WebSocket or RawSocket protocol instance
        self._close_details = None

    def onWelcome(self, welcome):
        self.router_roles = welcome.roles
        return super().onWelcome(welcome)

    def onJoin(self, details):
        self.joined.callback(details)

    def onLeave(self, details):
        self._close_details = details
        if not self.joined.called:
            self.joined.errback(JoinRefused(details))
        super().onLeave(details)

    def onDisconnect(self):
        if not self.joined.called:
            self.joined.errback(ConnectionError('connection closed before joining'))
        self.disconnected.callback(self._close_details)
        super().onDisconnect()


def transport_for(args, peer):
    """The Twisted client factory and endpoint for `args.url`."""
    url = urlsplit(args.url)
    serializer = SERIALIZERS[args.serializer]()
    if url.scheme in ('ws', 'wss'):
        factory = WampWebSocketClientFactory(peer, url=args.url, serializers=[serializer])
    else:
        factory = WampRawSocketClientFactory(peer, serializer=serializer)
    if url.scheme == 'unix':
        endpoint = UNIXClientEndpoint(reactor, url.path)
    elif url.scheme in ('wss', 'rss'):
        trust = Certificate.loadPEM(Path(args.ca).read_bytes())
        tls = optionsForClientTLS(url.hostname, trustRoot=trust)
        endpoint = SSL4ClientEndpoint(reactor, url.hostname, url.port, tls)
    else:
        endpoint = TCP4ClientEndpoint(reactor, url.hostname, url.port)
    return factory, endpoint


def negotiated_serializer(peer):
    """The serializer the router accepted: from the WebSocket subprotocol, or
    from the RawSocket handshake reply (0x7F, length << 4 | serializer, 0, 0)."""
    if hasattr(peer.protocol, 'websocket_protocol_in_use'):
        return peer.protocol.websocket_protocol_in_use
    reply = peer.protocol._handshake_bytes  # private, but where Autobahn 22.7 keeps the router's reply
    if len(reply) != 4 or reply[0] != 0x7F or reply[2:] != b'\0\0':
        raise AssertionError(f'bad RawSocket handshake reply {reply.hex()}')
    names = {cls.RAWSOCKET_SERIALIZER_ID: name for name, cls in SERIALIZERS.items()}
    return f'wamp.2.{names.get(reply[1] & 0x0F, reply[1] & 0x0F)}'


async def join(args, realm=None):
    peer = Peer(ComponentConfig(realm=realm or args.realm))
    factory, endpoint = transport_for(args, peer)
    peer.protocol = await endpoint.connect(factory)
    await peer.joined
    return peer


async def leave_cleanly(peer):
    """Sends GOODBYE and expects the router's GOODBYE reply."""
    peer.leave()
    details = await peer.disconnected
    expect_equal(details and details.reason, 'wamp.close.goodbye_and_out', 'GOODBYE reason from the router')


# ---------------------------------------------------------------- scenario

def fail():
    raise ApplicationError('com.example.error.bad_input', 'bad', why='because')


async def register_procedures(session):
    await gather([
        session.register(lambda a, b: a + b, 'com.example.add2'),
        session.register(lambda *args, **kwargs: CallResult(*args, **kwargs), 'com.example.echo'),
        session.register(fail, 'com.example.fail'),
        session.register(lambda: defer.Deferred(), 'com.example.slow'),
    ])


async def check_calls(runner, caller):
    async def add2():
        expect_equal(await caller.call('com.example.add2', 2, 3), 5, 'add2 result')

    async def echo():
        result = await caller.call('com.example.echo', *ECHO_ARGS, **ECHO_KWARGS)
        expect_equal({'args': result.results, 'kwargs': result.kwresults},
                     {'args': ECHO_ARGS, 'kwargs': ECHO_KWARGS}, 'echo')

    await runner.check('call add2(2, 3) returns 5', add2)
    await runner.check('echo round-trips a complex payload', echo)


async def check_call_errors(runner, args, caller):
    async def application_error():
        failure = await expect_failure(caller.call('com.example.fail'), 'calling com.example.fail')
        expect_equal({'uri': failure.error, 'args': failure.args, 'kwargs': failure.kwargs},
                     {'uri': 'com.example.error.bad_input', 'args': ['bad'], 'kwargs': {'why': 'because'}},
                     'error')

    async def no_such_procedure():
        failure = await expect_failure(caller.call('com.example.nope'), 'calling com.example.nope')
        expect_error_uri(failure, 'wamp.error.no_such_procedure')

    async def procedure_already_exists():
        rival = await join(args)
        failure = await expect_failure(rival.register(lambda: 0, 'com.example.add2'),
                                       'registering com.example.add2 again')
        expect_error_uri(failure, 'wamp.error.procedure_already_exists')
        await leave_cleanly(rival)

    await runner.check('application error reaches the caller with args and kwargs', application_error)
    await runner.check('calling an unregistered procedure fails with no_such_procedure', no_such_procedure)
    await runner.check('registering a taken procedure fails with procedure_already_exists',
                       procedure_already_exists)


async def check_call_while_another_is_pending(runner, caller):
    """Leaves a call to com.example.slow in flight and returns it; check_leaving()
    expects it to be canceled when the callee leaves."""
    slow_call = defer.ensureDeferred(expect_failure(caller.call('com.example.slow'), 'calling com.example.slow'))

    async def add2():
        expect_equal(await caller.call('com.example.add2', 20, 22), 42, 'add2 result')

    await runner.check('a pending call does not block other calls', add2)
    return slow_call


async def check_pubsub(runner, args, publisher):
    first, second = await runner.step('two subscriber sessions join', lambda: gather([join(args), join(args)]))
    inboxes = {'first': Inbox(), 'second': Inbox(), 'publisher': Inbox()}

    async def subscribe_all():
        return await gather([
            first.subscribe(inboxes['first'].push, TOPIC),
            second.subscribe(inboxes['second'].push, TOPIC),
            publisher.subscribe(inboxes['publisher'].push, TOPIC),
        ])

    _, second_subscription, _ = await runner.step('subscribers and publisher subscribe', subscribe_all)

    async def acknowledged_publish():
        publication = await publisher.publish(TOPIC, 'hello', count=1, options=PublishOptions(acknowledge=True))
        if not isinstance(publication.id, int) or publication.id <= 0:
            raise AssertionError(f'bad publication id {publication.id!r}')

    async def subscribers_receive():
        expected = {'args': ['hello'], 'kwargs': {'count': 1}}
        expect_equal(await inboxes['first'].next(), expected, 'first subscriber event')
        expect_equal(await inboxes['second'].next(), expected, 'second subscriber event')

    async def publisher_exclusion_announced():
        broker = publisher.router_roles.get('broker')
        expect_equal(bool(broker and broker.publisher_exclusion), True, 'WELCOME broker feature')

    async def exclude_me_false():
        await publisher.publish(TOPIC, 'mine', options=PublishOptions(acknowledge=True, exclude_me=False))
        expected = {'args': ['mine'], 'kwargs': {}}
        expect_equal(await inboxes['publisher'].next(), expected, 'publisher event')
        expect_equal(await inboxes['first'].next(), expected, 'first subscriber event')
        expect_equal(await inboxes['second'].next(), expected, 'second subscriber event')

    async def unsubscribed():
        await second_subscription.unsubscribe()
        await publisher.publish(TOPIC, 'later', options=PublishOptions(acknowledge=True))
        expect_equal(await inboxes['first'].next(), {'args': ['later'], 'kwargs': {}}, 'still subscribed event')
        await inboxes['second'].expect_nothing()

    await runner.check('acknowledged publish returns a publication id', acknowledged_publish)
    await runner.check('both subscribers receive args and kwargs', subscribers_receive)
    await runner.check('publisher does not receive its own event by default', inboxes['publisher'].expect_nothing)
    await runner.check('broker announces publisher_exclusion', publisher_exclusion_announced)
    await runner.check('exclude_me=false delivers the event to its publisher too', exclude_me_false)
    await runner.check('unsubscribed session receives no more events', unsubscribed)
    return [first, second]


class VanishingCallee(protocol.ProcessProtocol):
    """This script in `--mode vanish-callee`, run as a child process.

    The child registers com.example.vanish, prints `ready`, and SIGKILLs itself
    once invoked, so the router sees the connection drop without a GOODBYE or
    a transport-level close (WebSocket close frame, TLS close_notify).
    """

    def __init__(self, args):
        self.ready = defer.Deferred()
        self.exited = defer.Deferred()
        self._output = b''
        command = [sys.executable, os.path.abspath(__file__), '--mode', 'vanish-callee',
                   '--url', args.url, '--realm', args.realm, '--serializer', args.serializer]
        if args.ca:
            command += ['--ca', args.ca]
        reactor.spawnProcess(self, sys.executable, command, env=os.environ, childFDs={0: 'w', 1: 'r', 2: 2})

    def outReceived(self, data):
        self._output += data
        if b'ready\n' in self._output and not self.ready.called:
            self.ready.callback(None)

    def processEnded(self, reason):
        if not self.ready.called:
            self.ready.errback(RuntimeError(f'vanishing callee exited early: {reason.value}'))
        self.exited.callback(reason.value)

    def kill(self):
        try:
            self.transport.signalProcess('KILL')
        except error.ProcessExitedAlready:
            pass


async def serve_as_vanishing_callee(args):
    reactor.callLater(SCENARIO_TIMEOUT, os._exit, 1)  # never outlive the scenario
    peer = await join(args)
    await peer.register(lambda: os.kill(os.getpid(), signal.SIGKILL), 'com.example.vanish')
    print('ready')
    await defer.Deferred()  # serve until killed


async def check_vanishing_callee(runner, args, caller):
    async def vanish():
        callee = VanishingCallee(args)
        try:
            await callee.ready.addTimeout(CHECK_TIMEOUT, reactor)
            failure = await expect_failure(caller.call('com.example.vanish'), 'calling com.example.vanish')
            expect_error_uri(failure, 'wamp.error.canceled')
            expect_equal((await callee.exited).signal, int(signal.SIGKILL), 'callee exit signal')
        finally:
            callee.kill()

    await runner.check('callee vanishing mid-call cancels the call', vanish, timeout=LONG_CHECK_TIMEOUT)


async def check_unknown_realm(runner, args):
    async def refused():
        failure = await expect_failure(join(args, realm='com.example.no_such_realm'),
                                       'joining com.example.no_such_realm')
        expect_error_uri(failure, 'wamp.error.no_such_realm')

    await runner.check('joining an unknown realm is aborted with no_such_realm', refused)


async def check_concurrent_sessions(runner, args):
    async def add2(peer, a, b):
        expect_equal(await peer.call('com.example.add2', a, b), a + b, f'add2({a}, {b})')

    async def many_sessions():
        peers = await gather([join(args) for _ in range(CONCURRENT_SESSIONS)])
        await gather([add2(peer, p, 1000 * i)
                      for p, peer in enumerate(peers) for i in range(CALLS_PER_SESSION)])
        await gather([leave_cleanly(peer) for peer in peers])

    name = f'{CONCURRENT_SESSIONS} sessions each make {CALLS_PER_SESSION} concurrent calls'
    await runner.check(name, many_sessions, timeout=LONG_CHECK_TIMEOUT)


async def check_leaving(runner, callee, others, slow_call):
    async def callee_leaves():
        await leave_cleanly(callee)
        expect_error_uri(await slow_call, 'wamp.error.canceled')

    await runner.check('callee leaving cancels its in-flight call', callee_leaves)
    await runner.check('remaining sessions leave with GOODBYE', lambda: gather([leave_cleanly(p) for p in others]))


async def scenario(runner, args):
    async def join_callee():
        peer = await join(args)
        expect_equal(negotiated_serializer(peer), f'wamp.2.{args.serializer}', 'negotiated serializer')
        return peer

    callee = await runner.step('callee joins with the requested serializer', join_callee)
    await runner.step('callee registers add2, echo, fail and slow', lambda: register_procedures(callee))
    caller = await runner.step('caller joins', lambda: join(args))

    await check_calls(runner, caller)
    await check_call_errors(runner, args, caller)
    slow_call = await check_call_while_another_is_pending(runner, caller)
    subscribers = await check_pubsub(runner, args, caller)
    await check_vanishing_callee(runner, args, caller)
    await check_unknown_realm(runner, args)
    await check_concurrent_sessions(runner, args)
    await check_leaving(runner, callee, [caller, *subscribers], slow_call)


async def await_shutdown(runner, args):
    peer = await runner.step('session joins', lambda: join(args))
    print('ready')

    async def goodbye():
        details = await peer.disconnected
        expect_equal(details and details.reason, 'wamp.close.system_shutdown', 'GOODBYE reason from the router')

    await runner.check('router ends the session with GOODBYE system_shutdown', goodbye,
                       timeout=SCENARIO_TIMEOUT - CHECK_TIMEOUT)


async def main(args):
    if args.mode == 'vanish-callee':
        await serve_as_vanishing_callee(args)
    elif args.mode == 'await-shutdown':
        await CheckRunner().run(lambda runner: await_shutdown(runner, args))
    else:
        await CheckRunner().run(lambda runner: scenario(runner, args))


if __name__ == '__main__':
    sys.stdout.reconfigure(line_buffering=True)
    arguments = parse_args()
    task.react(lambda _reactor: defer.ensureDeferred(main(arguments)))
