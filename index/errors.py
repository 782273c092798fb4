"""The index package's errors, each with a message that says what to run.

SearchIndexError (named so as not to shadow the builtin IndexError)
 ├── IndexMissing     - nothing has been built in the index directory yet
 └── SchemaMismatch   - the index was built by a different schema version
"""

from __future__ import annotations


class SearchIndexError(Exception):
    """Base of the errors the index raises."""


class IndexMissing(SearchIndexError):
    """No index has been built in this directory: run `minutes index`."""


class SchemaMismatch(SearchIndexError):
    """The index on disk has another schema version: run `minutes index --rebuild`."""
