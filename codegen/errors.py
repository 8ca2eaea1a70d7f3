"""Errors the generator reports to its user.

Every problem with an input (a model file, a shape inside it) becomes a
``CodegenError`` whose message is one line naming the file or the shape. The
command line prints that line and exits with status 2; nothing else may reach
the user as a traceback.
"""

from __future__ import annotations


class CodegenError(Exception):
    """A problem with the generator's input, reported as one line, exit status 2."""

    exit_status = 2

    def one_line(self) -> str:
        # Messages may quote hostile text from the model; never let it span lines.
        return " ".join(str(self).split())


class SourceError(CodegenError):
    """The model could not be found, read or parsed (names the file or source)."""


class ModelError(CodegenError):
    """The model is readable but inconsistent (names the shape and member)."""

    def __init__(
        self, shape: str, problem: str, member: str | None = None, source: str | None = None, *, kind: str = "shape"
    ) -> None:
        where = f"{kind} {shape!r}" + (f" member {member!r}" if member else "")
        super().__init__(f"{source + ': ' if source else ''}{where}: {problem}")
        self.shape = shape  # or the operation's name, with kind="operation"
        self.member = member
        self.problem = problem
        self.source = source
        self.kind = kind

    def located(self, source: str | None) -> ModelError:
        """The same error naming the model file (or botocore version) it was found in, if known."""
        if self.source or not source:
            return self
        return ModelError(self.shape, self.problem, self.member, source, kind=self.kind)
