"""Process helpers shared by the bench scripts."""

import signal
import subprocess


def terminate(process, timeout):
    """Stops `process` with SIGTERM, or kills it after `timeout` seconds. Returns True when it exited in time."""
    if process.poll() is not None:
        return True
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
        return True
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return False
