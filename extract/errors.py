"""Errors that reach users: each names the file, the page where relevant, and what to do."""

from __future__ import annotations


class ExtractError(Exception):
    """A file could not be read at all. ``str(err)`` is a complete Dutch sentence."""

    def __init__(self, message: str, *, file: str = "", page: int | None = None, hint: str = ""):
        self.message = message
        self.file = file
        self.page = page
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.file or "bestand"
        if self.page is not None:
            where += f", pagina {self.page}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text
