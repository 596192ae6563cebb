"""How ``make test`` hands out the files to its workers (``tests/scheduling.py``)."""

from collections import OrderedDict
from pathlib import Path

from tests.scheduling import LONGEST_FIRST, LongestFirstScheduling

ROOT = Path(__file__).resolve().parents[1]


def _handed_out(nodeids):
    """The units in the order the workers get them."""
    scheduling = LongestFirstScheduling.__new__(LongestFirstScheduling)
    scheduling.workqueue = OrderedDict()
    for nodeid in nodeids:
        scheduling.workqueue.setdefault(scheduling._split_scope(nodeid), {})[nodeid] = False
    order = []
    while scheduling.workqueue:
        # What _assign_work_unit does before it sends the unit.
        scheduling.workqueue.move_to_end(
            min(scheduling.workqueue, key=scheduling._rank), last=False
        )
        order.append(scheduling.workqueue.popitem(last=False)[0])
    return order


def test_the_slowest_units_go_first_then_the_files_with_most_tests():
    nodeids = [
        "tests/a/test_few.py::test_one",
        *(f"tests/a/test_many.py::test_{n}" for n in range(3)),
        "tests/site/test_html_validity.py::test_valid",
        "tests/browser/test_keyboard.py::test_tab",
        "tests/browser/test_publishing_journey.py::test_journey",
        *(f"tests/b/test_some.py::test_{n}" for n in range(2)),
    ]
    assert _handed_out(nodeids) == [
        "tests/browser",
        "tests/site/test_html_validity.py",
        "tests/a/test_many.py",
        "tests/b/test_some.py",
        "tests/a/test_few.py",
    ]


def test_every_unit_named_slowest_exists():
    for unit in LONGEST_FIRST:
        assert (ROOT / unit).exists(), f"{unit} was moved or renamed: update LONGEST_FIRST"
