"""Blocks of the work plan: an area of action and its lines, which may have sub-points."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class ActionLineBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Line of action"))
    details = blocks.ListBlock(
        blocks.CharBlock(label=_("Detail"), max_length=400),
        label=_("Details"),
        required=False,
        default=[],
        help_text=_("Sub-points of the line, such as examples or the parts it includes."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Line of action")


class AreaOfActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Area of action"), max_length=200)
    lines = blocks.ListBlock(ActionLineBlock(), label=_("Lines of action"), min_num=1)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Area of action")
        template = "news/blocks/area_of_action.html"


class WorkPlanAreasBlock(blocks.StreamBlock):
    area = AreaOfActionBlock()
