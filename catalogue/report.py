"""Where messages go: the terminal for people, a list for tests, annotations for GitHub."""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from .errors import Problem, Problems, Severity
from .messages import commands as said
from .messages.core import DEFAULT_LANGUAGE, Said, say, translate


class Reporter:
    """Print problems as ``file:line:column: field: message`` and a closing summary, in ``language``."""

    def __init__(
        self, out: TextIO | None = None, err: TextIO | None = None, github: bool = False, language: str = DEFAULT_LANGUAGE
    ) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.github = github
        self.language = language
        # Set by :func:`catalogue.cli.run`: the process ends right after this command, without tearing down,
        # so what the command made (``kept``) needs neither the collector nor freeing one object at a time.
        self.last = False
        self.kept: object = None

    def problems(self, problems: Problems) -> None:
        for problem in problems.sorted():
            print(problem.format(self.language), file=self.out)
            if self.github:
                print(github_annotation(problem, self.language), file=self.out)
        if problems.items:
            print(problems.summary(self.language), file=self.out)

    def text(self, message: str) -> str:
        """Return ``message`` (said or plain) in the reporter's language."""
        return translate(message, self.language)

    def info(self, message: str) -> None:
        print(self.text(message), file=self.out)

    def error(self, message: str) -> None:
        print(translate(say(said.ERROR_LINE, message=message), self.language), file=self.err)


class Translating(logging.Formatter):
    """Show a said log message (a warning of the build, a note on a cache) in the reporter's language."""

    def __init__(self, language: str) -> None:
        super().__init__("%(message)s")
        self.language = language

    def format(self, record: logging.LogRecord) -> str:
        if isinstance(record.msg, Said):
            record = logging.makeLogRecord({**record.__dict__, "msg": translate(record.msg, self.language), "args": None})
        return super().format(record)


def github_annotation(problem: Problem, language: str = DEFAULT_LANGUAGE) -> str:
    """Return a GitHub Actions workflow command that shows the problem on the changed line."""
    level = "error" if problem.severity is Severity.ERROR else "warning"
    message = problem.text(language)
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = problem.path.replace(",", "%2C")
    return f"::{level} file={path},line={problem.line},col={problem.column}::{message}"
