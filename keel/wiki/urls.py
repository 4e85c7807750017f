"""The wiki's pages, under /<ws>/wiki/ (mounted in keel/urls.py).

URL names start with `wiki_`. Page addresses carry the page id only (titles change and may be
Chinese); spaces are addressed by their slug.
"""

from django.urls import path

urlpatterns: list = []

# --- Spaces, pages, history (views/spaces.py, views/pages.py, views/history.py) --------------
from keel.wiki.views import history as history_views  # noqa: E402
from keel.wiki.views import pages as page_views  # noqa: E402
from keel.wiki.views import spaces as space_views  # noqa: E402

urlpatterns += [
    path("", space_views.wiki_home, name="wiki_home"),
    path("spaces/new/", space_views.space_new, name="wiki_space_new"),
    path("s/<slug:space>/", space_views.space_detail, name="wiki_space"),
    path("s/<slug:space>/settings/", space_views.space_settings, name="wiki_space_settings"),
    path("s/<slug:space>/access/<int:grant_id>/revoke/", space_views.grant_revoke,
         name="wiki_grant_revoke"),
    path("s/<slug:space>/new/", page_views.page_new, name="wiki_page_new"),
    path("s/<slug:space>/archived/", space_views.space_archived, name="wiki_space_archived"),
    path("preview/", page_views.preview, name="wiki_preview"),
    path("p/<int:page_id>/", page_views.page_detail, name="wiki_page"),
    path("p/<int:page_id>/edit/", page_views.page_edit, name="wiki_page_edit"),
    path("p/<int:page_id>/move/", page_views.page_move, name="wiki_page_move"),
    path("p/<int:page_id>/archive/", page_views.page_archive, name="wiki_page_archive"),
    path("p/<int:page_id>/unarchive/", page_views.page_unarchive, name="wiki_page_unarchive"),
    path("p/<int:page_id>/reviewed/", page_views.page_reviewed, name="wiki_page_reviewed"),
    path("p/<int:page_id>/access/", page_views.page_access, name="wiki_page_access"),
    path("p/<int:page_id>/history/", history_views.page_history, name="wiki_page_history"),
    path("p/<int:page_id>/history/<int:number>/", history_views.revision_detail,
         name="wiki_revision"),
    path("p/<int:page_id>/diff/", history_views.page_diff, name="wiki_page_diff"),
    path("p/<int:page_id>/restore/<int:number>/", history_views.revision_restore,
         name="wiki_revision_restore"),
]  # fmt: skip

# --- Files and videos (views/files.py) -------------------------------------------------------
from keel.wiki.views import files as file_views  # noqa: E402

urlpatterns += [
    path("files/<str:key>/", file_views.file_download, name="wiki_file"),
    path("files/<str:key>/poster/", file_views.file_poster, name="wiki_file_poster"),
    path("files/<str:key>/delete/", file_views.file_delete, name="wiki_file_delete"),
    path("s/<slug:space>/files/", file_views.file_upload, name="wiki_file_upload"),
    path("p/<int:page_id>/files/", file_views.page_files, name="wiki_page_files"),
]

# --- Email templates and contacts (views/templates.py, views/contacts.py) --------------------
from keel.wiki.views import contacts as contact_views  # noqa: E402
from keel.wiki.views import templates as template_views  # noqa: E402

urlpatterns += [
    path("templates/", template_views.template_list, name="wiki_templates"),
    path("p/<int:page_id>/use/", template_views.template_use, name="wiki_template_use"),
    path("p/<int:page_id>/variants/", template_views.template_variants,
         name="wiki_template_variants"),
    path("contacts/", contact_views.contact_list, name="wiki_contacts"),
    path("contacts/new/", contact_views.contact_new, name="wiki_contact_new"),
    path("contacts/import/", contact_views.contacts_import, name="wiki_contacts_import"),
    path("contacts/export.csv", contact_views.contacts_export, name="wiki_contacts_export"),
    path("contacts/export.vcf", contact_views.contacts_vcard, name="wiki_contacts_vcard"),
    path("contacts/<int:contact_id>/", contact_views.contact_detail, name="wiki_contact"),
    path("contacts/<int:contact_id>/edit/", contact_views.contact_edit, name="wiki_contact_edit"),
    path("contacts/<int:contact_id>/delete/", contact_views.contact_delete,
         name="wiki_contact_delete"),
]  # fmt: skip

# --- Import and export (views/io.py) ---------------------------------------------------------
from keel.wiki.views import io as io_views  # noqa: E402

urlpatterns += [
    path("s/<slug:space>/import/", io_views.wiki_space_import, name="wiki_space_import"),
    path("s/<slug:space>/export.zip", io_views.wiki_space_export, name="wiki_space_export"),
]

__all__ = ["path", "urlpatterns"]
