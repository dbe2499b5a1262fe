"""The template controller: open, save and check, reset (with a backup) and add audiences, all for the open file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..atomic import write_atomically
from ..audience_files import add_audience
from ..catalogue import Catalogue
from ..errors import BriefgenError, TemplateProblem
from ..facts import user_facts_file
from ..request import BriefRequest
from ..resources import builtin_templates_dir, user_templates_dir
from ..resources import TEMPLATE_SUFFIX, audience_template
from . import dialogs
from .editor import TemplateEditor
from .plainwords import explain, plain
from .tasks import TaskRunner
from .workspace import TemplateWorkspace

BACKUPS = "backups"



def _first_problem(audience, themes, templates):
    """check.first_problem, imported when first used (the pipeline is not needed to show the window)."""
    from ..check import first_problem

    return first_problem(audience, themes, templates)

class TemplateController(QObject):
    """Acts on the file open in the editor; `checked(passed, message)` after Save and check, `saved` after a save."""

    checked = Signal(bool, str)
    saved = Signal()
    opened = Signal()
    audienceAdded = Signal(str)

    def __init__(self, parent: QWidget, workspace: TemplateWorkspace, runner: TaskRunner,
                 catalogue: Callable[[], Catalogue], audience: Callable[[], str],
                 request: Callable[[], BriefRequest]) -> None:
        super().__init__(parent)
        self.window, self.workspace, self.runner = parent, workspace, runner
        self.catalogue, self.audience, self.request = catalogue, audience, request
        self.editor: TemplateEditor = workspace.editor
        self._check_task = -1
        self.editor.saveRequested.connect(self.save_and_check)
        self.editor.resetRequested.connect(self.reset)
        self.editor.closeRequested.connect(self.opened)

    # -- what is open ---------------------------------------------------------------------------
    def open_audience(self) -> str | None:
        """The audience whose template is open in the editor (shown beside the preview), else None."""
        path = self.editor.path
        if path is None or not self.workspace.editor_shown() or path.parent.name != "audiences":
            return None
        audience_id = path.name.removesuffix(TEMPLATE_SUFFIX)
        return audience_id if audience_id in self.catalogue().audiences else None

    def _open(self, path: Path, read_only: bool = False, note: str = "") -> None:
        self.editor.open(path, path.read_text(encoding="utf-8"), read_only, note)
        self.workspace.show_editor()
        self.opened.emit()

    def customise(self, audience_id: str | None = None) -> None:
        """Copy the audience's template into the user folder (once) and open it beside the preview."""
        audience_id = audience_id or self.audience()
        target = user_templates_dir() / audience_template(audience_id)
        if not target.exists():
            source = builtin_templates_dir() / audience_template(audience_id)
            if not source.exists():
                dialogs.show_error(self.window, "No built-in template", f"{source.name} has no built-in version to copy.")
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        self._open(target)

    def open_facts(self) -> None:
        """Open the user's facts.toml (made from a commented starter the first time)."""
        self._open(user_facts_file(user_templates_dir()))

    # -- save and check ---------------------------------------------------------------------------
    def save_and_check(self) -> None:
        """Save the editor's text, then check it against sample briefs in the background; emits `checked`."""
        target = self.editor.path
        if target is None or self.editor.text.isReadOnly():
            return
        data = self.editor.source().encode("utf-8")
        try:
            write_atomically(target, lambda handle: handle.write(data))
        except (BriefgenError, OSError) as exc:
            self.editor.show_error(None, f"not saved: {exc}")
            self.checked.emit(False, f"not saved: {exc}")
            return
        self.editor.mark_saved()
        audience = self.open_audience() or self.audience()
        themes = list(self.catalogue().themes)
        try:
            current = self.request().with_changes(audience=audience)
        except BriefgenError:
            current = None
        self.editor.clear_error("Saved. Checking it against sample briefs…")
        self._check_task = self.runner.start(
            lambda report: _first_problem(audience, themes, current),
            lambda task_id, problem: self._checked(task_id, target, problem),
            lambda task_id, message: self._checked(task_id, target, TemplateProblem("", None, message)))
        self.saved.emit()

    def _checked(self, task_id: int, target: Path, problem: TemplateProblem | None) -> None:
        if task_id != self._check_task:
            return  # the editor was saved again since; a newer check is on its way
        if problem is None:
            self.editor.clear_error("Saved. The template renders every sample brief.")
            self.checked.emit(True, "")
            return
        same_file = bool(problem.template) and Path(problem.template).resolve() == target.resolve()
        line, message = explain(problem.template, problem.line, problem.message)
        if not problem.template:
            message = plain(message, self.catalogue())
        elif not same_file:
            message = f"{problem.template}{f':{line}' if line else ''}: {message}"
        self.editor.show_error(line if same_file else None, message)
        self.checked.emit(False, message)

    # -- reset ----------------------------------------------------------------------------------
    def reset(self) -> None:
        """Move the user's version of the open template (else the audience's) to backups/ and show the built-in one."""
        folder = user_templates_dir()
        path = self.editor.path
        if path is not None and self.workspace.editor_shown() and path.is_relative_to(folder):
            relative = path.relative_to(folder)
        else:
            relative = Path(audience_template(self.audience()))
        target, builtin = folder / relative, builtin_templates_dir() / relative
        if not target.exists():
            self.window.statusBar().showMessage(f"{relative.name} is already the built-in template")
            return
        if not builtin.exists():
            dialogs.show_error(self.window, "Reset to built-in", f"{relative.name} is your own file; it has no "
                               "built-in version to go back to.")
            return
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = folder / BACKUPS / f"{relative.name}.{stamp}.bak"
        if not dialogs.confirm(self.window, "Reset to built-in", f"Move your version of {relative.name} to "
                               f"{backup.parent} (as {backup.name}) and use the built-in template?"):
            return
        backup.parent.mkdir(parents=True, exist_ok=True)
        target.replace(backup)
        self._open(builtin, read_only=True, note=f"Your version is kept as {backup}.")
        self.saved.emit()

    # -- new audience ---------------------------------------------------------------------------
    def new_audience(self) -> None:
        catalogue = self.catalogue()
        values = dialogs.ask_new_audience(self.window, {key: entry.title for key, entry in catalogue.audiences.items()},
                                          self.audience())
        if values is None:
            return
        folder = user_templates_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            template = add_audience(folder, catalogue, values["id"], values["title"], values["description"],
                                    values["based_on"])
        except (BriefgenError, OSError) as exc:
            dialogs.show_error(self.window, "New audience", plain(str(exc), catalogue))
            return
        self.audienceAdded.emit(values["id"])
        self._open(template)
