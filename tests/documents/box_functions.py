"""Plain functions for the box's own tests: ``documents.sandbox`` imports them in its child.

Nothing here may import Django models or the test fixtures: the child has no project settings.
"""

import os
import time

MEGABYTE = 1024 * 1024


def process_and_environment():
    return {"pid": os.getpid(), "environment": sorted(os.environ)}


def spin():
    while True:
        pass


def sleep(seconds):
    time.sleep(seconds)


def allocate(megabytes):
    return len(bytearray(megabytes * MEGABYTE))


def write_a_file(path):
    with open(path, "wb") as output:
        output.write(b"x" * 4096)
