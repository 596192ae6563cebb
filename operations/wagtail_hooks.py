"""Admin wiring of the operations app: scoped admin API and page chooser, no lost edits."""

from wagtail import hooks

from . import admin_scope, edit_conflicts, edit_view


# After Wagtail's own registration (order 0): the router keeps the last endpoint of a name.
@hooks.register("construct_admin_api", order=100)
def scope_the_admin_api(router):
    router.register_endpoint("documents", admin_scope.ChoosableDocumentsAPIViewSet)
    router.register_endpoint("images", admin_scope.ChoosableImagesAPIViewSet)


@hooks.register("construct_page_chooser_queryset")
def scope_the_page_chooser(pages, request):
    return admin_scope.choosable_pages(pages, request.user)


hooks.register("before_edit_page", edit_conflicts.refuse_a_stale_save)
hooks.register("after_edit_page", edit_conflicts.warn_of_a_save_in_between)


# After Wagtail's base page viewset (order -1): the registry keeps the last one for ``Page``.
@hooks.register("register_admin_viewset", order=100)
def edit_pages_with_fewer_queries():
    return edit_view.ProjectPageViewSet(name="project_pages")
