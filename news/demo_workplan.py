"""The 2022 work plan of XMESS, transcribed from the seed document (Catalan,
as written there) with faithful Spanish and English translations: the texts are in
``home/demo/content/work_plan.toml``."""

from home.demo.content import content

CONTENT = content("work_plan")

YEAR = CONTENT["year"]
PLAN_TITLE = CONTENT["title"]
PLAN_INTRODUCTION = CONTENT["introduction"]
CHALLENGES = CONTENT["challenges"]
# (title, lines); a line is {"text": T, "details": [T, …]}.
AREAS = [
    (
        area["title"],
        [{"text": line["text"], "details": line.get("details", [])} for line in area["lines"]],
    )
    for area in CONTENT["areas"]
]
# Calendar milestones: (key of the demo event that fulfils it, period, title, due by).
MILESTONES = [
    (milestone["event"], milestone["period"], milestone["title"], milestone["due"])
    for milestone in CONTENT["milestones"]
]
ONGOING = CONTENT["ongoing"]
