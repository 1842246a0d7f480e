"""Problems found in content, collected across the whole run and reported once; the exit codes they end in."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from .messages import commands as said
from .messages.core import SOURCE_LANGUAGE, Said, say, translate


SHOWN_MAX = 80  # characters of a value quoted in a message
MESSAGE_MAX = 2_000  # characters of a whole message: one line in a terminal, never a pasted book

# How a command ends; only the command line turns outcomes into these.
EXIT_OK = 0  # done, no errors (warnings may have been printed)
EXIT_CONTENT = 1  # the content has errors (or a command failed on them); nothing was written
EXIT_USAGE = 2  # wrong arguments or options
EXIT_INTERNAL = 3  # a bug of ours: a short message, the traceback with --debug
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report SIGINT


class Severity(enum.IntEnum):
    WARNING = 1
    ERROR = 2


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, pointing at where an editor can fix it."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        if len(self.message) > MESSAGE_MAX:
            object.__setattr__(self, "message", shorten(self.message, MESSAGE_MAX))

    @property
    def code(self) -> str:
        """Return the message's stable code (``E-REF-MISSING``), or "" for a text of a library."""
        return self.message.code if isinstance(self.message, Said) else ""

    def text(self, language: str = SOURCE_LANGUAGE) -> str:
        """Return the message in ``language``, after its field: ``field: message``."""
        message = translate(self.message, language)
        return f"{self.field}: {message}" if self.field else message

    def format(self, language: str = SOURCE_LANGUAGE) -> str:
        """Return the problem as ``file:line:column: field: message`` in ``language``."""
        where = f"{self.path}:{self.line}:{self.column}"
        text = self.text(language)
        if self.severity is Severity.WARNING:
            text = translate(say(said.WARNING_LABEL, message=text), language)
        return printable(f"{where}: {text}")


@dataclass
class Problems:
    """Collects problems from every stage; nothing is raised until the report."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def error(self, path: str, line: int, column: int, field: str, message: str) -> None:
        self.add(Problem(path, line, column, field, message, Severity.ERROR))

    def warning(self, path: str, line: int, column: int, field: str, message: str) -> None:
        self.add(Problem(path, line, column, field, message, Severity.WARNING))

    def extend(self, problems: "Problems") -> None:
        self.items.extend(problems.items)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity is Severity.WARNING)

    def promote_warnings(self) -> None:
        """Turn every warning into an error (``--strict``)."""
        self.items = [
            Problem(p.path, p.line, p.column, p.field, p.message, Severity.ERROR)
            for p in self.items
        ]

    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.items)

    def sorted(self) -> list[Problem]:
        """Return all problems by file, line and column; duplicates dropped."""
        return sorted(set(self.items), key=lambda p: (p.path, p.line, p.column, -p.severity, p.field, p.message))

    def summary(self, language: str = SOURCE_LANGUAGE) -> str:
        """Return the closing line: how many errors and warnings in how many files."""
        errors = {p for p in self.items if p.severity is Severity.ERROR}
        warnings = {p for p in self.items if p.severity is Severity.WARNING}
        counted = say(said.WARNINGS, count=len(warnings))
        if errors:
            files = len({p.path for p in errors})
            errors_in = say(said.IN_FILES, errors=say(said.ERRORS, count=len(errors)), count=files)
            line = say(said.SUMMARY_BOTH, errors=errors_in, warnings=counted) if warnings else errors_in
        else:
            line = counted if warnings else say(said.NO_PROBLEMS)
        return translate(line, language)


def shorten(text: str, limit: int = SHOWN_MAX) -> str:
    """Return ``text`` cut to ``limit`` characters, marked with "…" where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text: str) -> str:
    """Return one line with control characters shown as escapes (no terminal tricks, no line breaks)."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def display_path(path: Path) -> str:
    """Return a path as an editor would type it: relative to the working directory when possible."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


class CatalogueError(Exception):
    """A failure the user can act on (bad arguments, unwritable output); printed without traceback.

    Raised with a said message, it is shown in the language of the reporter.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
