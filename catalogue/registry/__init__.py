"""The import from the national registry of social services (RPSS): its file and code lists → content files.

``source`` streams the registry file, ``codelists`` reads its code lists, ``places``
selects the area and finds or makes localities, ``vocab`` maps code-list values to
our vocabularies, ``reader`` gives typed access to one registration, ``convert`` turns
it into the registry's fields of a service and its provider, ``content`` reads the
content folder and the state file, ``sync`` plans the targeted edits of existing files
(with ``yamltext``), ``report`` says what changed, ``importer`` runs it all and writes
every file or none. ``build.py import registry`` (:mod:`catalogue.commands.importing`) runs it.
"""

from __future__ import annotations

# Where the registry publishes its file and its code lists: the import's defaults, named here
# so that the command line can offer them without importing the import itself.
OFFICIAL_FILE = "https://data.mpsv.cz/od/soubory/rpss/rpss.json"
CODELIST_BASE = "https://data.mpsv.cz/od/soubory/ciselniky/"
