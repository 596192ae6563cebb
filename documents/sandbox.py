"""The box in which uploaded files are parsed: a child process under hard limits.

Why a process: a parser busy with a hostile file (a zip bomb with forged
sizes, a PDF whose hundred pages share one huge content stream) cannot be
interrupted inside the Python process that runs it, and the memory it takes is
that process's memory. A child process can be limited by the kernel and
killed, and the worker that started it stays well:

* CPU time (``RLIMIT_CPU``): the kernel stops the child when it has computed
  for ``DOCUMENTS_EXTRACTION_CPU_SECONDS``;
* memory (``RLIMIT_AS``): the child's address space cannot grow past
  ``DOCUMENTS_EXTRACTION_MEMORY_MB``; an allocation beyond it fails;
* wall-clock time: the parent kills the child after
  ``DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS``, whatever it is waiting for;
* no files written (``RLIMIT_FSIZE`` 0), a few open files, its own session,
  and an empty environment: no ``SECRET_KEY`` or ``DATABASE_URL`` reaches it.
  It gets the path of a copy of the file and nothing else.

The parent writes one JSON request to the child's standard input (the dotted
path of a function of this project and its keyword arguments); the child
imports the function, sets its limits, calls it and writes the JSON answer to
its standard output. The readers themselves keep budgets that forged headers
cannot fool (``documents.extraction``).

Every environment uses the box: the production task worker, ``make run`` (the
immediate task backend reads files within the upload request, but in this
box), and the tests.
"""

import json
import os
import resource
import selectors
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

MEGABYTE = 1024 * 1024
DEFAULT_CPU_SECONDS = 20
DEFAULT_MEMORY_MB = 512
DEFAULT_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class BoxLimits:
    cpu_seconds: int = DEFAULT_CPU_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB
    timeout_seconds: int = DEFAULT_TIMEOUT_SECONDS

    @classmethod
    def from_settings(cls):
        return cls(
            cpu_seconds=getattr(settings, "DOCUMENTS_EXTRACTION_CPU_SECONDS", DEFAULT_CPU_SECONDS),
            memory_mb=getattr(settings, "DOCUMENTS_EXTRACTION_MEMORY_MB", DEFAULT_MEMORY_MB),
            timeout_seconds=getattr(
                settings, "DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS
            ),
        )


@dataclass(frozen=True)
class Outcome:
    """What came out of the box: the function's result, or why there is none."""

    result: object = None
    reason: str = ""
    #: True when a limit stopped the child (CPU, memory or wall-clock time).
    limit_tripped: bool = False
    #: The child's peak resident memory, in bytes, and its CPU and wall-clock seconds.
    peak_memory: int = 0
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0


def run(function, kwargs, limits):
    """Call ``function`` (a dotted path) with ``kwargs`` in a child process under ``limits``."""
    request = json.dumps(
        {
            "function": function,
            "kwargs": kwargs,
            "cpu_seconds": limits.cpu_seconds,
            "memory_bytes": limits.memory_mb * MEGABYTE,
        }
    ).encode()
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-E", "-s", "-B", "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=settings.BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        start_new_session=True,
    )
    child.stdin.write(request)
    child.stdin.close()
    output, errors, peak_at_timeout = _read_until(child, started + limits.timeout_seconds)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    try:
        answer = json.loads(output)
    except ValueError:
        answer = {}
    measures = {
        "peak_memory": answer.get("peak_memory", peak_at_timeout or 0),
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "wall_seconds": time.monotonic() - started,
    }
    if peak_at_timeout is not None:
        return Outcome(reason="wall-clock limit", limit_tripped=True, **measures)
    if "tripped" in answer:
        return Outcome(reason=answer["tripped"], limit_tripped=True, **measures)
    if "result" in answer:
        return Outcome(result=answer["result"], **measures)
    if child.returncode == -signal.SIGKILL:  # The hard CPU limit, past the soft one.
        return Outcome(reason="CPU time limit", limit_tripped=True, **measures)
    tail = errors.decode("utf-8", "replace")[-500:]
    return Outcome(reason=f"exit status {child.returncode}: {tail}", **measures)


def _read_until(child, deadline):
    """What the child writes until it closes its output, and ``None``; or, when the deadline
    passes first, nothing and the child's peak memory, read just before it is killed."""
    chunks = {child.stdout: [], child.stderr: []}
    with selectors.DefaultSelector() as selector:
        for stream in chunks:
            selector.register(stream, selectors.EVENT_READ)
        while selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                peak = _peak_memory(f"/proc/{child.pid}/status")
                _kill(child)
                return b"", b"", peak
            for key, _ in selector.select(remaining):
                data = os.read(key.fd, 65536)
                if data:
                    chunks[key.fileobj].append(data)
                else:
                    selector.unregister(key.fileobj)
    for stream in chunks:
        stream.close()
    return b"".join(chunks[child.stdout]), b"".join(chunks[child.stderr]), None


def _kill(child):
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:  # It ended on its own meanwhile.
        pass
    child.stdout.close()
    child.stderr.close()


def _peak_memory(status_path="/proc/self/status"):
    """The process's peak resident memory since it started its program (``VmHWM``), in
    bytes. Not ``ru_maxrss``: Linux counts in it the parent's memory at the fork."""
    try:
        with open(status_path) as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class CpuTimeLimit(BaseException):
    """The soft CPU limit's signal, turned into an exception so that the child can answer.

    A ``BaseException``, like ``KeyboardInterrupt``: the readers' ``except Exception``
    (any parser error is a damaged file) must not swallow it."""


def _on_cpu_limit(signum, frame):
    raise CpuTimeLimit


def _limit_this_process(cpu_seconds, memory_bytes):
    signal.signal(signal.SIGXCPU, _on_cpu_limit)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 2))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (32, 32))


def main():
    """The child: read the request, import the function, set the limits, call, answer."""
    request = json.loads(sys.stdin.buffer.read())
    settings.configure()  # Django's defaults: the project's settings (and secrets) stay outside.
    function = import_string(request["function"])
    _limit_this_process(request["cpu_seconds"], request["memory_bytes"])
    try:
        answer = {"result": function(**request["kwargs"])}
    except MemoryError:
        answer = {"tripped": "memory limit"}
    except CpuTimeLimit:
        answer = {"tripped": "CPU time limit"}
    answer["peak_memory"] = _peak_memory()
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
