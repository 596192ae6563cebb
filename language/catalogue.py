"""Strings this project supplies to the catalogues of Django, Wagtail and wagtail-localize.

Nothing calls these: they are listed so that ``makemessages`` keeps them in
``language/locale``, which overrides the libraries' own translations (the app
comes first in ``INSTALLED_APPS``). Each group says why the library's
translation is missing or wrong.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

# Django's Catalan dates: ``DATE_FORMAT`` is "j E \d\e Y", and "E" is the month's
# "alternative" name, meant to carry the preposition Catalan puts before it
# ("10 d'octubre de 2022", "1 de juny de 2022"); Django's catalogue leaves it out.
CATALAN_MONTHS_WITH_PREPOSITION = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]

# Wagtail's Catalan catalogue misspells "demanats" in the workflow status line.
WAGTAIL_CORRECTIONS = [gettext_noop("Changes requested %(finished_at)s")]

# Wagtail's Spanish catalogue lacks strings its Catalan one has: Django then falls back
# to the default language, and a Spanish admin read "No hi ha suscriptores per mostrar."
# or "Per tasca". English needs nothing (Django gives English no fallback).
WAGTAIL_MISSING_IN_SPANISH = [
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("There are no results."),
    gettext_noop("By task"),
    gettext_noop("Shortcuts"),
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("All keyboard shortcuts"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop("account"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop("Go to the first error"),
    gettext_noop("Privacy and access"),
    gettext_noop("Search…"),
    gettext_noop("- Select an option -"),
    gettext_noop("Locked by you"),
    gettext_noop("Locked by another user"),
    gettext_noop("This %(model_name)s is currently awaiting moderation."),
    gettext_noop("Locked by workflow"),
    gettext_noop("Locked by schedule"),
    gettext_noop("Currently locked and will go live on the scheduled date"),
    gettext_noop("Private, accessible with a shared password"),
    gettext_noop("Private, accessible to any logged-in users"),
    gettext_noop("%(model_name)s scheduled for publishing"),
    gettext_noop("%(model_name)s scheduled for publishing at %(go_live_at)s"),
    gettext_noop("any"),
    gettext_noop("Any"),
    gettext_noop("Anyone"),
    gettext_noop("Minimum"),
    gettext_noop("Maximum"),
    gettext_noop("Usage count"),
    gettext_noop("Use server language: %(language_name)s"),
    gettext_noop("Use server time zone"),
    gettext_noop("item"),
    gettext_noop("items"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Scheduling…"),
    gettext_noop("Schedule to publish"),
    gettext_noop("No results across entire site."),
    gettext_noop("Search the whole site"),
    gettext_noop("Last edited page"),
    gettext_noop("Last edit"),
    gettext_noop("No page types found."),
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Save your changes before leaving"),
    gettext_noop("View latest version"),
    gettext_noop("A network error occurred"),
    gettext_noop("Show filters"),
    gettext_noop("Filter by"),
    gettext_noop("Keyboard shortcut"),
    gettext_noop("Content metrics"),
    gettext_noop("Words"),
    gettext_noop("Reading time"),
    gettext_noop("Readability"),
    gettext_noop("Refreshing…"),
    gettext_noop("Refresh"),
    gettext_noop("First published"),
    gettext_noop("Item %(index)s of %(total)s"),
    gettext_noop("Checks"),
    gettext_noop("Warnings"),
    gettext_noop("More bulk actions"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Save changes"),
    gettext_noop("Toggle checks"),
    gettext_noop("(blank)"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("'%(page_title)s' has been moved successfully."),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("%(model_name)s '%(title)s' is now unlocked."),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("Compare"),
    gettext_noop("Search all pages…"),
    gettext_noop("Choose parent"),
    gettext_noop("Create a new %(model_name)s"),
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("The page could not be saved as it is locked."),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("Date updated"),
    gettext_noop("Edited by"),
    gettext_noop("Has child pages"),
    gettext_noop("Page type"),
    gettext_noop("Locked by"),
    gettext_noop("By workflow"),
    gettext_noop("Show disabled"),
    gettext_noop("System default"),
    gettext_noop("Light"),
    gettext_noop("Dark"),
    gettext_noop("More contrast"),
    gettext_noop("Snug"),
    gettext_noop("Copied to clipboard"),
    gettext_noop("Toggle all"),
    gettext_noop("Sorry, no users match your query"),
    gettext_noop("Never"),
    gettext_noop("Last login"),
    gettext_noop("Access level"),
    gettext_noop("Layout"),
    gettext_noop("Grid layout"),
    gettext_noop("List layout"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count: (high to low)"),
    gettext_noop("The filter options you have selected are not valid."),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    gettext_noop("The document could not be created due to errors."),
    gettext_noop("Use machine translation"),
    gettext_noop("Apply machine translations to the incoming changes."),
    gettext_noop("Caption"),
    gettext_noop("Table caption"),
    gettext_noop("Unknown content type"),
    gettext_noop("Date cannot be in the future."),
    gettext_noop("No one can make changes while the %(model_name)s is locked"),
    gettext_noop("<b>'{title}' was locked</b> by <b>you</b> on <b>{datetime}</b>."),
    gettext_noop("<b>'{title}' is locked</b> by <b>you</b>."),
    gettext_noop("<b>'{title}' was locked</b> by <b>{user}</b> on <b>{datetime}</b>."),
    gettext_noop("<b>'{title}' is locked</b>."),
    gettext_noop("Only you can make changes while the %(model_name)s is locked"),
    gettext_noop("Only %(user)s can make changes while the %(model_name)s is locked"),
    gettext_noop("Only reviewers for this task can edit the %(model_name)s."),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"
    ),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    gettext_noop(
        "{model_name} '{title}' is locked and has been scheduled to go live at {datetime}"
    ),
    gettext_noop("Cannot overwrite a revision that is not the latest for this %(model_name)s."),
    gettext_noop("Cannot overwrite a revision that was not created by the current user."),
    gettext_noop("shared password"),
    gettext_noop("%(model_name)s unscheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s unscheduled from publishing"),
    gettext_noop("Removed the '%(restriction)s' view restriction. The page is public."),
    gettext_noop("You do not have permission to access the admin."),
    gettext_noop("Filter by up to ten most popular tags."),
    gettext_noop("Please select another parent."),
    gettext_noop("Expiry date/time must be in the future."),
    gettext_noop('You do not have permission to publish pages at "%(page_title)s"'),
    gettext_noop("The slug '%(page_slug)s' is already in use within the parent page."),
    gettext_noop("The new page will be a child of this given parent page."),
    gettext_noop('You do not have permission to create a page under "%(page_title)s".'),
    gettext_noop('You cannot create a page of type "%(page_type)s" under "%(page_title)s".'),
    gettext_noop("Publishing this %(model_name)s will cancel the current workflow."),
    gettext_noop("You can preview the %(model_name)s here:"),
    gettext_noop("Changing the privacy for this page has been disabled."),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop("Search in '<span class=\"w-title-ellipsis\">%(title)s</span>'"),
    gettext_noop("No results in '<span class=\"w-title-ellipsis\">%(title)s</span>'."),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    gettext_noop("No pages/snippets have been submitted for moderation yet"),
    gettext_noop("You saved a new version in another window"),
    gettext_noop("System"),
    gettext_noop("%(user_name)s saved a new version"),
    gettext_noop("You have unsaved changes in another window"),
    gettext_noop("%(user_name)s has unsaved changes"),
    gettext_noop("Currently idle"),
    gettext_noop("Currently viewing"),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("Show issue"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Invalid schedule"),
    gettext_noop("Once scheduled:"),
    gettext_noop("One or more references to this %(model_name)s prevent it from being deleted."),
    gettext_noop("This %(model_name)s hasn't been submitted for moderation yet"),
    gettext_noop("Disable custom ordering"),
    gettext_noop("Enable custom ordering"),
    gettext_noop("Cancelled by %(cancelled_by)s"),
    gettext_noop("Application"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Add or show comments"),
    gettext_noop("Text editing"),
    gettext_noop("Cut"),
    gettext_noop("Paste"),
    gettext_noop("Paste and match style"),
    gettext_noop("Paste without formatting"),
    gettext_noop("Text formatting"),
    gettext_noop("Insert or edit a link"),
    gettext_noop("Monospace (code)"),
    gettext_noop("Strike-through"),
    gettext_noop("Button text is empty"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Empty heading found"),
    gettext_noop("Table header text is empty"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Use a meaningful title for screen reader users"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Link text is empty"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Use proper heading tags"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("the %(model_name)s will also be deleted"),
    gettext_noop("prevents deletion"),
    gettext_noop("will be set to the default %(model_name)s"),
    gettext_noop("will do nothing"),
    gettext_noop("may prevent deletion"),
    gettext_noop("will be set to a %(model_name)s specified by the system"),
    gettext_noop("will unset the reference"),
    gettext_noop("Workflow '%(workflow_name)s' on %(model_name)s '%(title)s': %(status)s"),
    gettext_noop("Task '%(task_name)s' on Revision '%(revision_info)s': %(status)s"),
    gettext_noop("Tag(s) %(value_too_long)s are over %(max_tag_length)d characters."),
    gettext_noop("Snippet '%(content_type)s' already has workflow '%(workflow_name)s' assigned."),
    gettext_noop("Can access Wagtail admin"),
    gettext_noop("Wagtail upgrade available"),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".'
    ),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(task)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected in moderation stage "%(task)s".'
    ),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop("App"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Assign your workflow to snippets"),
    gettext_noop("This workflow is disabled so it cannot be assigned to any snippets."),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been restarted."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    gettext_noop("Sort item order"),
    gettext_noop("Preview for %(block_label)s (%(block_type)s)"),
    gettext_noop("If you confirm deletion"),
    gettext_noop("The %(model_name)s '%(title)s' is not currently awaiting moderation."),
    gettext_noop("Privacy is inherited from the ancestor page - %(ancestor_page)s"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been deleted"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been published"),
    gettext_noop("%(parent_pages)s and %(child_pages)s have been unpublished"),
    gettext_noop("Exploring"),
    gettext_noop("Page types usage"),
    gettext_noop("Page/Snippet ID"),
    gettext_noop("Page/Snippet Type"),
    gettext_noop("Page/Snippet Title"),
    gettext_noop("Search term(s)/phrase"),
    gettext_noop("You must enter an external link text if you enter an external link URL."),
    gettext_noop("You must recommend a page OR an external link."),
    gettext_noop("Please only select a page OR enter an external link."),
    gettext_noop("queries"),
    gettext_noop("Choose an internal page for this promotion"),
    gettext_noop("External link URL"),
    gettext_noop("Alternatively, use an external link for this promotion"),
    gettext_noop("Applies to internal page or external link"),
    gettext_noop("Recommended search result"),
    gettext_noop("Add a recommended result"),
    gettext_noop("No promoted results have been created."),
    gettext_noop("Views"),
    gettext_noop("Search terms"),
    gettext_noop("Recommendations have not been created due to errors."),
    gettext_noop("Recommendations have not been saved due to errors."),
    gettext_noop('File format of type "%(extension)s" is not supported.'),
    gettext_noop("Imported file has a wrong encoding: %(error_message)s."),
    gettext_noop("%(error)s encountered while trying to read file: %(filename)s."),
    gettext_noop("%(model)s permissions"),
    gettext_noop("Row header"),
    gettext_noop("Table headers"),
    gettext_noop("Display the first row as a header"),
    gettext_noop("Display the first column as a header"),
    gettext_noop("Column header"),
    gettext_noop("Display the first row AND first column as headers"),
    gettext_noop("No headers"),
    gettext_noop("Which cells should be displayed as headers?"),
    gettext_noop("Select a header option"),
    gettext_noop("admin theme"),
    gettext_noop("contrast"),
    gettext_noop("density"),
    gettext_noop("Toggle all add permissions"),
    gettext_noop("Toggle all change permissions"),
    gettext_noop("Toggle all delete permissions"),
    gettext_noop("Toggle all custom permissions"),
    gettext_noop("Can view"),
    gettext_noop("Mark as active"),
    gettext_noop("Image URL"),
    gettext_noop("Copy URL"),
    gettext_noop("Copying to clipboard failed"),
    gettext_noop(
        "Please provide an image description to comply with best practices for accessibility."
    ),
    gettext_noop("Generate URL"),
    gettext_noop("The file could not be found. Please change the source or delete the document."),
    gettext_noop(
        "This {model_name} is awaiting <b>'{task_name}'</b> in the "
        "<b>'{workflow_name}'</b> workflow."
    ),
    gettext_noop(
        "The slug '%(page_slug)s' is already in use within the parent page at "
        "'%(parent_url_path)s'."
    ),
    gettext_noop(
        "Shared passwords should not be used to protect sensitive content. Anyone who has "
        "this password will be able to view the content."
    ),
    gettext_noop(
        "Active workflows can be added to pages/snippets. Deactivating a workflow does not "
        "remove it from existing pages/snippets."
    ),
    gettext_noop(
        "Pages/snippets at this step in a workflow will be moderated or approved by these "
        "groups of users"
    ),
    gettext_noop(
        "This %(model_name)s was marked as needing changes at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "This %(model_name)s is currently at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation '
        'stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval to moderation '
        'stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation '
        'stage "%(task)s"'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow '
        '"%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow '
        '"%(workflow)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow '
        '"%(workflow)s" by %(requester)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow '
        '"%(workflow)s".'
    ),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in '<span "
        'class="w-title-ellipsis">%(title)s</span>\'.'
    ),
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule to '
        'publish" option'
    ),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a "
        "separate tab to view the last saved version."
    ),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and "
        "calculate the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for "
        "different languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long "
        "sentences and words result in a worse readability score."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for '
        "more information on how content metrics are calculated."
    ),
    gettext_noop(
        'Why not <a class="create-one-now" href="#tab-new" '
        'data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" '
        'data-w-tabs-focus-param="true">create one now</a>?'
    ),
    gettext_noop(
        'Why not <a class="upload-one-now" href="#tab-upload" '
        'data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" '
        'data-w-tabs-focus-param="true">upload one now</a>?'
    ),
    gettext_noop(
        "Focus on the drag button and press up or down arrows to move the item, then press "
        "enter to submit the change."
    ),
    gettext_noop(
        "The %(model_name)s '%(title)s' is not currently awaiting moderation in task "
        "'%(task_name)s'."
    ),
    gettext_noop(
        "The slug '%(page_slug)s' is already in use at the selected parent page. Make sure "
        "the slug is unique and try again."
    ),
    gettext_noop(
        "A heading that identifies the overall topic of the table, and is useful for "
        "screen reader users."
    ),
    gettext_noop(
        "Not a valid .%(extension)s image. The extension does not match the file format "
        "(%(image_format)s)"
    ),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Locale '%(object)s' created."),
    gettext_noop("Locale '%(object)s' updated."),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("Locale '%(object)s' deleted."),
    gettext_noop("Delete locale"),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        'language until translated unless you also select "Use machine translation".'
    ),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        "language until translated."
    ),
    gettext_noop("Translate %(model_name)s"),
    gettext_noop("Last used"),
    gettext_noop("Wagtail API v3"),
    gettext_noop("A human-readable label to identify this token."),
    gettext_noop("created"),
    gettext_noop("revoked at"),
    gettext_noop("last used at"),
    gettext_noop("API token"),
    gettext_noop("API tokens"),
    gettext_noop("locale"),
    gettext_noop("for content type"),
    gettext_noop("group site permission"),
    gettext_noop("group site permissions"),
    gettext_noop(
        "There may only be one in progress or needs changes workflow state per page/snippet."
    ),
    gettext_noop("Create API token"),
    gettext_noop("API token created"),
    gettext_noop("Revoke API token"),
    gettext_noop("API token revoked"),
    gettext_noop("%(range_start)s - %(range_end)s"),
    gettext_noop(
        "Your version: <strong>%(current_version)s</strong>. New version: <strong "
        'data-w-upgrade-target="latestVersion"></strong>.'
    ),
    gettext_noop("%(field_label)s:"),
    gettext_noop("Locking: "),
    gettext_noop("%(classname)s object (%(id)s)"),
    gettext_noop("%(related_model_name)s %(field_label)s"),
    gettext_noop("Request to create %(model_name)s was blocked by hook."),
    gettext_noop("Request to edit %(model_name)s was blocked by hook."),
    gettext_noop("Is commenting action"),
    gettext_noop("Placeholder title"),
    gettext_noop(
        "The name '%(duplicate_clean_name)s' is already assigned to this field and cannot "
        "be changed. Please enter a different label for the conflicting field."
    ),
    gettext_noop(
        "Field name '%(duplicate_clean_name)s' conflicts with another field. Please change "
        "the label."
    ),
    gettext_noop("Wagtail table block"),
    gettext_noop("Yes, revoke"),
    gettext_noop("No, don't revoke"),
    gettext_noop(
        'The token "%(name)s" has been created, copy it now, it will never be shown again.'
    ),
    gettext_noop("Copy token"),
    gettext_noop("Back to API tokens"),
    gettext_noop("Copying failed — please select and copy the token manually."),
    gettext_noop("Revoked"),
    gettext_noop("Revoke"),
    gettext_noop("Token secrets are only displayed once, immediately after creation."),
    gettext_noop("Are you sure you want to revoke this API token?"),
    gettext_noop("API token '%(name)s' revoked."),
    gettext_noop("unknown number"),
    gettext_noop("Wagtail locales"),
    gettext_noop(
        "This locale's current language code is not supported. Please choose a new "
        "language or delete this locale."
    ),
    gettext_noop("%(num_pages)d pages and %(num_others)d others"),
    gettext_noop("This locale cannot be deleted because there are no other locales."),
    gettext_noop(
        "This locale cannot be deleted because there are pages and/or other objects using it."
    ),
    gettext_noop(
        "<p>Promoted search results are a means of recommending specific pages or external "
        "links that might not organically come high up in search results. E.g recommending "
        "your primary donation page to a user searching with the less common term "
        '"<em>giving</em>".</p>'
    ),
]

# Its counted strings (the dashboard's "12 pages created in …", bulk actions' notices).
WAGTAIL_COUNTED_MISSING_IN_SPANISH = [
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "count",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "count",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "count",
    ),
    ngettext_lazy(
        "This action will delete <b>%(total_pages_formatted)s</b> page in total.",
        "This action will delete <b>%(total_pages_formatted)s</b> pages in total.",
        "count",
    ),
    ngettext_lazy(
        "One other user is currently viewing",
        "%(num_user)s other users are currently viewing",
        "count",
    ),
    ngettext_lazy(
        "This %(model_name)s is referenced %(usage_count)s time.",
        "This %(model_name)s is referenced %(usage_count)s times.",
        "count",
    ),
    ngettext_lazy(
        "1 snippet type",
        "%(counter)s snippet types",
        "count",
    ),
    ngettext_lazy(
        "Referenced %(count)s time",
        "Referenced %(count)s times",
        "count",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page has been deleted",
        "%(num_parent_objects)d pages have been deleted",
        "count",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page",
        "%(num_parent_objects)d pages",
        "count",
    ),
    ngettext_lazy(
        "%(num_child_objects)d child page",
        "%(num_child_objects)d child pages",
        "count",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page has been published",
        "%(num_parent_objects)d pages have been published",
        "count",
    ),
    ngettext_lazy(
        "%(num_parent_objects)d page has been unpublished",
        "%(num_parent_objects)d pages have been unpublished",
        "count",
    ),
    ngettext_lazy(
        "%(num_pages)d page",
        "%(num_pages)d pages",
        "count",
    ),
    ngettext_lazy(
        "%(count)d %(model_name)s deleted.",
        "%(count)d %(model_name)s deleted.",
        "count",
    ),
    ngettext_lazy(
        "This workflow is in progress on %(states_in_progress)d page/snippet. Disabling "
        "this workflow will cancel moderation on this page/snippet.",
        "This workflow is in progress on %(states_in_progress)d pages/snippets. Disabling "
        "this workflow will cancel moderation on these pages/snippets.",
        "count",
    ),
    ngettext_lazy(
        "This task is in progress on %(states_in_progress)d page/snippet. Disabling this "
        "task will cause it to be skipped in the moderation workflow and not be listed for "
        "selection when editing a workflow.",
        "This task is in progress on %(states_in_progress)d pages/snippets. Disabling this "
        "task will cause it to be skipped in the moderation workflow and not be listed for "
        "selection when editing a workflow.",
        "count",
    ),
]
