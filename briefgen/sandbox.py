"""The Jinja sandbox for briefs: read-only data, confined loading, and hooks that enforce user-template limits."""

from __future__ import annotations

import functools
import traceback
from typing import Any, Iterable

from jinja2 import Environment, StrictUndefined, nodes
from jinja2.compiler import CodeGenerator
from jinja2.environment import Template
from jinja2.nodes import EvalContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import limits
from .template_files import BUILTIN_PREFIX

# Filters given a width or count (refused above the limit) and those whose result size is checked first.
_WIDTH_FILTERS = {"center", "indent", "format", "batch", "slice", "wordwrap", "truncate"}
_SIZED = {"join", "string", "pprint", "tojson", "e", "escape", "forceescape", "safe", "wordcount", "trim", "upper",
          "lower", "title", "capitalize", "striptags", "urlencode", "urlize", "replace", "indent", "wordwrap", "center",
          "format", "batch", "slice", "truncate", "join_and", "md", "first_sentence", "lead", "xmlattr"}


class StrictUndefinedData(StrictUndefined):
    """Undefined that fails even when printed inside a list (`map(attribute=...)|list`)."""

    __slots__ = ()
    __repr__ = StrictUndefined._fail_with_undefined_error


class BriefEnvironment(ImmutableSandboxedEnvironment):
    """Sandboxed and read-only: templates cannot call list.append(), dict.update() and the like."""

    def join_path(self, template: str, parent: str) -> str:
        """A template that extends, includes or imports its own name means the built-in file of that name."""
        if template == parent:
            return BUILTIN_PREFIX + template
        return template

    @staticmethod
    def guarded_iter(iterable: Any) -> Any:
        """Code compiled by LimitedEnvironment calls this around every loop; here it does nothing."""
        return iterable


class _GuardedCodeGenerator(CodeGenerator):
    """Compiles every `{% for %}` to iterate through `environment.guarded_iter`, where time is checked."""

    def visit_For(self, node: nodes.For, frame) -> None:
        if not getattr(node, "_briefgen_guarded", False):
            node.iter = nodes.Call(nodes.EnvironmentAttribute("guarded_iter"), [node.iter], [], None, None,
                                   lineno=node.lineno)
            node._briefgen_guarded = True
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        self.write("environment.joined((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("), context.eval_ctx.autoescape)")


class _GuardedTemplate(Template):
    """A template whose macros and blocks join their output through the limits."""

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):
        namespace["concat"] = limits.concat
        return super()._from_namespace(environment, namespace, globals)


class LimitedEnvironment(BriefEnvironment):
    """For user templates: every loop, call, operator and filter is checked against the render's limits."""

    code_generator_class = _GuardedCodeGenerator
    template_class = _GuardedTemplate
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})
    concat = staticmethod(limits.concat)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.pop("lipsum", None)  # it makes any amount of text in one call

    def add_filters(self, filters: dict[str, Any]) -> None:
        """Install filters wrapped in the limit checks."""
        self.filters.update({name: _guard_filter(name, func) for name, func in filters.items()})

    @staticmethod
    def guarded_iter(iterable: Any) -> Iterable[Any]:
        spent = limits.current()
        if spent is None:
            return iterable
        return _ticking(iterable, spent)

    @staticmethod
    def joined(parts: tuple, autoescape: bool) -> str:
        return limits.joined(parts, autoescape)

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        spent = limits.current()
        if spent is not None:
            spent.tick()
            _check_binop(spent, operator, left, right)
            return spent.made(self.binop_table[operator](left, right))
        return self.binop_table[operator](left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        spent = limits.current()
        if spent is not None:
            spent.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        spent = limits.current()
        if spent is not None:
            spent.tick()
        return super().getitem(obj, argument)

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        spent = limits.current()
        if spent is None:
            return super().call(__context, __obj, *args, **kwargs)
        spent.tick()
        target = getattr(__obj, "__wrapped__", __obj)
        owner = getattr(target, "__self__", None)
        if isinstance(owner, str):
            if args and _lazy(args[0]):
                args = (list(args[0]), *args[1:])  # so str.join can be measured before it runs
            bound = limits.str_method_bound(getattr(target, "__name__", ""), owner, args, kwargs, spent.limits)
            if bound is not None:
                spent.allow(bound)
        return spent.made(super().call(__context, __obj, *args, **kwargs))


def _ticking(iterable: Any, spent: limits.Budget) -> Iterable[Any]:
    for item in iterable:
        spent.tick()
        yield item


def _check_binop(spent: limits.Budget, operator: str, left: Any, right: Any) -> None:
    """Refuse `*`, `**`, `+`, `%` whose result would be over the limits, before computing it."""
    ints = isinstance(left, int) and isinstance(right, int)
    if operator == "**" and ints and right > 0 and abs(left) > 1:
        spent.allow_int(left.bit_length() * right)
    elif operator == "**" and isinstance(right, int) and isinstance(left, (int, float)) and abs(right) > 10_000:
        spent.allow_int(spent.limits.int_bits + 1)
    elif operator == "*" and ints:
        spent.allow_int(left.bit_length() + right.bit_length())
    elif operator == "*":
        sequence, count = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(count, int) and isinstance(sequence, (str, list, tuple)):
            each = size_of_items(sequence, spent)
            spent.allow(each * max(count, 0))
    elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        spent.allow(len(left) + len(right))
    elif operator == "%" and isinstance(left, str):
        args = right if isinstance(right, tuple) else (right,)
        limits.check_format(left, args, right if isinstance(right, dict) else {}, spent.limits)
        spent.allow(len(left) + sum(limits.size_of(a, spent.limits.value_chars) for a in args))


def size_of_items(sequence: Any, spent: limits.Budget) -> int:
    """Characters of a string, or the text size of a list's items (a list of big texts is big)."""
    if isinstance(sequence, str):
        return len(sequence)
    return max(len(sequence), limits.size_of(sequence, spent.limits.value_chars))


def _guard_filter(name: str, func: Any) -> Any:
    """A filter that first checks its arguments against the render's limits, then counts its result."""

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        spent = limits.current()
        if spent is None:
            return func(*args, **kwargs)
        spent.tick()
        if name in _WIDTH_FILTERS:
            for value in [*args, *kwargs.values()]:
                if isinstance(value, int) and not isinstance(value, bool) and value > spent.limits.value_chars:
                    raise limits.LimitExceeded(f"'{name}' was given {value:,}, over the limit of "
                                               f"{spent.limits.value_chars:,}; use a smaller number")
        if name in _SIZED:
            args = tuple(list(a) if _lazy(a) else a for a in args)
            spent.allow(_filter_bound(name, args, kwargs, spent.limits))
        return spent.made(func(*args, **kwargs))

    return guarded


def _lazy(value: Any) -> bool:
    return hasattr(value, "__next__")


def _filter_bound(name: str, args: tuple, kwargs: dict, rules: limits.Limits) -> int:
    """An upper bound on the size of a filter's result, from its arguments."""
    cap = rules.value_chars
    given = [a for a in args if not isinstance(a, (EvalContext, Environment))]
    value, rest = (given[0], given[1:]) if given else ("", [])
    size = limits.size_of(value, cap)

    def option(index: int, key: str, default: Any) -> Any:
        return rest[index] if len(rest) > index else kwargs.get(key, default)

    text = value if isinstance(value, str) else ""
    if name == "join":
        items = len(value) if hasattr(value, "__len__") else 1
        return size + items * limits.size_of(option(0, "d", ""), cap)
    if name == "replace":
        old, new = option(0, "old", ""), option(1, "new", "")
        repeats = text.count(str(old)) if old else len(text) + 1
        return size + repeats * limits.size_of(new, cap)
    if name == "wordwrap":
        return size * (1 + limits.size_of(option(2, "wrapstring", "\n") or "\n", cap))
    if name == "indent":
        width = option(0, "width", 4)
        return size + (text.count("\n") + 1) * (width if isinstance(width, int) else limits.size_of(width, cap))
    if name == "center":
        width = option(0, "width", 80)
        return max(size, width if isinstance(width, int) else 0)
    if name == "format":
        limits.check_format(text, tuple(rest), kwargs, rules)
        return size + sum(limits.size_of(v, cap) for v in [*rest, *kwargs.values()])
    if name in ("batch", "slice"):
        count = option(0, "linecount" if name == "batch" else "slices", 0)
        return size + (count if isinstance(count, int) else 0)
    if name == "truncate":
        return size + limits.size_of(option(2, "end", "..."), cap)
    return size + sum(limits.size_of(v, cap) for v in [*rest, *kwargs.values()])


def describe_recursion(exc: BaseException) -> str:
    """'template recursion never ends: a.md.j2:3 → b.md.j2:1 → a.md.j2:3 …' from a RecursionError's traceback."""
    frames = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(exc.__traceback__)
              if frame.filename.endswith(".j2")]
    for size in range(1, 9):
        if len(frames) >= 3 * size and frames[-size:] == frames[-2 * size:-size] == frames[-3 * size:-2 * size]:
            cycle = frames[-size:]
            chain = " → ".join(f"{name}:{line}" for name, line in [*cycle, cycle[0]])
            return (f"recursion never ends: {chain} → …; stop the template extending, including, importing or "
                    "calling itself (extend a built-in file of the same name as \"builtin:NAME\")")
    return "recursion never ends (templates, includes or macros calling themselves); remove the loop"
