"""How ``make test`` shares the files between pytest-xdist workers (``--dist loadfile``).

pytest-xdist hands out whole files, the biggest first by number of tests, so the
files with few but slow tests (a browser journey, the fleet, the HTML validator)
came last and one worker ran them alone while the other had finished. Here the
browser tests are one unit, so that one worker starts the demo server and Chromium
instead of each, and the units that take longest go first; the many quick files
fill in behind them. The order changes how long the run takes, never what it checks.
"""

from xdist.scheduler import LoadFileScheduling

BROWSER = "tests/browser/"

# The slowest units, slowest first (`--durations`, seconds of one worker on the loaded
# machine: the browser tests 460 on PostgreSQL, the restores 190, the fleet 110, the
# query counts 100-120, the Catalan checks 60 and 35, the HTML validators 35 and 20);
# the other files follow, the most tests first.
LONGEST_FIRST = [
    "tests/browser",
    "tests/operations/test_backup_restore.py",
    "tests/fleet/test_fleet.py",
    "tests/site/test_query_counts.py",
    "tests/language/test_catalan_words.py",
    "tests/site/test_html_validity.py",
    "tests/site/test_deploy_check.py",
    "tests/language/test_catalan_dates.py",
    "tests/home/test_demo_content.py",
    "tests/site/test_page_cache_query_strings.py",
    "tests/operations/test_edit_conflicts.py",
    "tests/documents/test_extraction_box.py",
    "tests/subscriptions/test_html.py",
    "tests/home/test_public_address.py",
    "tests/home/test_generate_content.py",
]


class LongestFirstScheduling(LoadFileScheduling):
    def _split_scope(self, nodeid):
        path = super()._split_scope(nodeid)
        return BROWSER.rstrip("/") if path.startswith(BROWSER) else path

    def _assign_work_unit(self, node):
        self.workqueue.move_to_end(min(self.workqueue, key=self._rank), last=False)
        super()._assign_work_unit(node)

    def _rank(self, scope):
        if scope in LONGEST_FIRST:
            return (LONGEST_FIRST.index(scope), 0)
        return (len(LONGEST_FIRST), -len(self.workqueue[scope]))
