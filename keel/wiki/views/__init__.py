"""The wiki's pages, one module per page group: spaces (home, space, settings), pages
(view, editor, preview, move, archive, access) and history (revisions, diff, restore); the
files, templates, contacts and import/export pages live in their own modules."""
