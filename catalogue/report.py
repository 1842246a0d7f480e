"""Where messages go: the terminal for people, a list for tests, annotations for GitHub."""

from __future__ import annotations

import sys
from typing import TextIO

from .errors import Problem, Problems, Severity


class Reporter:
    """Print problems as ``file:line:column: field: message`` and a closing summary."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None, github: bool = False) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.github = github

    def problems(self, problems: Problems) -> None:
        for problem in problems.sorted():
            print(problem.format(), file=self.out)
            if self.github:
                print(github_annotation(problem), file=self.out)
        if problems.items:
            print(problems.summary(), file=self.out)

    def info(self, message: str) -> None:
        print(message, file=self.out)

    def error(self, message: str) -> None:
        print(f"error: {message}", file=self.err)


def github_annotation(problem: Problem) -> str:
    """Return a GitHub Actions workflow command that shows the problem on the changed line."""
    level = "error" if problem.severity is Severity.ERROR else "warning"
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = problem.path.replace(",", "%2C")
    return f"::{level} file={path},line={problem.line},col={problem.column}::{message}"
