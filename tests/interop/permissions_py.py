#!/usr/bin/python3
"""Role permissions end to end: a real Autobahn|Python client against wampscope-router with a configuration
whose anonymous role may call and subscribe under com.example.public. and nothing else.

    /usr/bin/python3 permissions_py.py /path/to/wampscope-router

Prints one line per check and `N passed, M failed`; exits 0 only if every check passed.
"""

import json
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from autobahn.twisted.wamp import ApplicationRunner, ApplicationSession
from autobahn.wamp.exception import ApplicationError
from autobahn.wamp.types import PublishOptions
from twisted.internet import defer, reactor

LISTENING = re.compile(r'listening on ws://([0-9.]+):(\d+)')

CONFIG = {
    'version': 2,
    'workers': [{
        'type': 'router',
        'realms': [{
            'name': 'realm1',
            'roles': [
                {'name': 'public', 'permissions': [
                    {'uri': 'com.example.public.', 'match': 'prefix',
                     'allow': {'call': True, 'register': False, 'publish': False, 'subscribe': True}},
                ]},
                {'name': 'backend', 'permissions': [
                    {'uri': '', 'match': 'prefix',
                     'allow': {'call': True, 'register': True, 'publish': True, 'subscribe': True}},
                ]},
            ],
        }],
        'transports': [
            {'id': 'public', 'type': 'websocket', 'endpoint': {'type': 'tcp', 'interface': '127.0.0.1', 'port': 1},
             'auth': {'anonymous': {'type': 'static', 'role': 'public'}}},
        ],
    }],
}

results = []


def check(name, ok, detail=''):
    results.append(ok)
    print(('ok ' if ok else 'FAIL ') + name + ('' if ok else ': ' + detail), flush=True)


class PublicClient(ApplicationSession):
    @defer.inlineCallbacks
    def onJoin(self, details):
        check('anonymous session gets the transport role', details.authrole == 'public', details.authrole)
        for name, action in (
            ('register is refused', lambda: self.register(lambda: None, 'com.example.public.add')),
            ('publish with acknowledge is refused',
             lambda: self.publish('com.example.public.news', options=PublishOptions(acknowledge=True))),
            ('call outside the prefix is refused', lambda: self.call('com.example.private.secret')),
            ('subscribe outside the prefix is refused', lambda: self.subscribe(lambda: None, 'com.example.private')),
        ):
            try:
                yield action()
                check(name, False, 'was allowed')
            except ApplicationError as error:
                check(name, error.error == 'wamp.error.not_authorized', error.error)
        try:
            yield self.subscribe(lambda: None, 'com.example.public.news')
            check('subscribe inside the prefix is allowed', True)
        except ApplicationError as error:
            check('subscribe inside the prefix is allowed', False, error.error)
        try:
            yield self.call('com.example.public.nobody')
            check('call inside the prefix reaches the dealer', False, 'no error')
        except ApplicationError as error:
            # Authorized, so the dealer answers: nobody registered it.
            check('call inside the prefix reaches the dealer', error.error == 'wamp.error.no_such_procedure',
                  error.error)
        self.leave()

    def onDisconnect(self):
        if reactor.running:
            reactor.stop()


def main():
    router = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / 'config.json'
        config.write_text(json.dumps(CONFIG))
        process = subprocess.Popen([router, '--config', str(config), '--ws-port', '0'], stderr=subprocess.PIPE,
                                   text=True)
        port = None
        for line in process.stderr:
            match = LISTENING.search(line)
            if match:
                port = match.group(2)
                break
        if port is None:
            print('FAIL router did not start')
            return 1
        reactor.callLater(20, lambda: (check('finished in time', False, 'timeout'), reactor.stop()))
        ApplicationRunner(f'ws://127.0.0.1:{port}/ws', 'realm1').run(PublicClient)
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=10)
        check('router exits 0', process.returncode == 0, str(process.returncode))
    failed = results.count(False)
    print(f'{len(results) - failed} passed, {failed} failed')
    return 0 if failed == 0 and results else 1


if __name__ == '__main__':
    sys.exit(main())
