"""What a template can use (variables, functions, filters, macros, blocks), read from the code itself."""

from __future__ import annotations

import datetime as dt
import difflib
import inspect
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from jinja2 import Environment, nodes

from .catalogue import load_catalogue
from .request import BriefRequest
from .resources import builtin_templates_dir
from .templating import _Citations, context, environment


@dataclass(frozen=True)
class Reference:
    """Names a template may use; each maps to its fields, parameters or a one-line description."""

    variables: Mapping[str, tuple[str, ...]]  # name -> fields ((), when it is a plain value)
    functions: Mapping[str, str]  # name -> signature
    filters: Mapping[str, str]  # name -> first line of its docstring
    macros: Mapping[str, str]  # name -> signature
    blocks: tuple[str, ...]  # in the order base.md.j2 opens them

    def names(self) -> list[str]:
        """Every top-level name a template can use."""
        return [*self.variables, *self.functions, "m"]


def _fields(value: object) -> tuple[str, ...]:
    if isinstance(value, Mapping):
        return tuple(value)
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], Mapping):
        return tuple(value[0])
    return ()


def _call_signature(name: str, function) -> str:
    """`cite(*source_ids)`: parameters and defaults, without annotations."""
    shown = []
    for parameter in inspect.signature(function).parameters.values():
        prefix = "*" if parameter.kind is parameter.VAR_POSITIONAL else ""
        default = "" if parameter.default is parameter.empty else f"={parameter.default!r}"
        shown.append(f"{prefix}{parameter.name}{default}")
    return f"{name}({', '.join(shown)})"


def _parse(name: str) -> nodes.Template:
    source = (builtin_templates_dir() / name).read_text(encoding="utf-8")
    return Environment().parse(source)


def _signature(macro: nodes.Macro) -> str:
    names = [arg.name for arg in macro.args]
    defaults = [None] * (len(names) - len(macro.defaults)) + list(macro.defaults)
    shown = [name if default is None else f"{name}={_literal(default)}" for name, default in zip(names, defaults)]
    return f"{macro.name}({', '.join(shown)})"


def _literal(node: nodes.Expr) -> str:
    try:
        return repr(node.as_const())
    except nodes.Impossible:
        return "…"


@lru_cache(maxsize=1)
def template_reference() -> Reference:
    """The reference, built from a sample brief's context, the built-in environment and the built-in templates."""
    catalogue = load_catalogue(None)
    request = BriefRequest(audience=next(iter(catalogue.audiences)), themes=tuple(catalogue.themes),
                           date=dt.date(2026, 1, 15))
    values = context(request, catalogue, _Citations(catalogue))
    variables = {name: _fields(value) for name, value in values.items() if not callable(value)}
    functions = {name: _call_signature(name, value) for name, value in values.items() if callable(value)}
    base = _parse("base.md.j2")
    for assign in base.find_all(nodes.Assign):
        if isinstance(assign.target, nodes.Name):
            keys = [item.key.value for item in assign.node.items] if isinstance(assign.node, nodes.Dict) else []
            variables.setdefault(assign.target.name, tuple(str(key) for key in keys))
    variables.setdefault("context_up_to", ())  # read by base.md.j2 when an audience template sets it
    plain = Environment().filters
    filters = {name: (inspect.getdoc(function) or "").splitlines()[0] if inspect.getdoc(function) else ""
               for name, function in environment(None, str(builtin_templates_dir())).filters.items()
               if name not in plain}
    macros = {macro.name: _signature(macro) for macro in _parse("macros.md.j2").find_all(nodes.Macro)}
    blocks = tuple(block.name for block in base.find_all(nodes.Block))
    return Reference(variables, functions, filters, macros, blocks)


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest known name, or '' when none is close."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
