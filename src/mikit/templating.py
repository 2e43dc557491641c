"""The template engine: MI language from Jinja2 templates, built once and reused.

Templates live in the package under ``templates/`` and are named by path, such as
``"en/reflect/simple/1.j2"``. A *move* is a folder of templates (``"en/reflect/simple"``):
each file in it is one *variant*, so :func:`template_variants` lists every variant a
generator can choose and tests can render all of them. Generators pick a variant with
``random.Random(seed)``, so a given seed always gives the same text.

An :class:`Engine` owns one ``jinja2.Environment`` (its compile cache is the speed)
with a ``ChoiceLoader``: templates in the user's directory, if one is configured,
come before the packaged ones, so a user can override a variant by writing a file of
the same name, or add variants by adding files to a move's folder. The module-level
functions use a default engine; :func:`configure` replaces it.

Client text is passed to templates as data only: Jinja2 never compiles a variable's
value, so a client who says ``{{ 7*7 }}`` gets it back literally.

Templates written by users as *source text* render through :func:`render_user_template`
in Jinja2's ``ImmutableSandboxedEnvironment``, with caps on output size, on ``range()``
and on string repetition (the sandbox itself bounds neither time nor size).

>>> from mikit.templating import render_user_template
>>> render_user_template("So {{ said | second_person }}.", said="my kids matter to me")
'So your kids matter to you.'
"""

from __future__ import annotations

import functools
import operator
import os
import random
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from mikit.errors import OutputTooLargeError, TemplateError, TemplateNotFoundError
from mikit.language.inflection import ensure_question, gerund, join_list, sentence, with_article
from mikit.language.perspective import second_person

__all__ = [
    "DEFAULT_MAX_OUTPUT",
    "DEFAULT_MAX_RANGE",
    "Engine",
    "configure",
    "default_engine",
    "filters",
    "render",
    "render_move",
    "render_user_template",
    "template_variants",
]

DEFAULT_MAX_OUTPUT = 100_000
"""The most characters :func:`render_user_template` produces before it stops."""

DEFAULT_MAX_RANGE = 10_000
"""The longest ``range()`` a user template may build."""

_SUFFIX = ".j2"


def _a_an(value: object) -> str:
    """*value* with "a" or "an" in front; numbers are read aloud ("an 8", "a 6")."""
    return with_article(str(value))


def _gerund(value: object) -> str:
    return gerund(str(value))


def _join_list(items: Iterable[object], conjunction: str = "and") -> str:
    return join_list([str(item) for item in items], conjunction=conjunction)


def _sentence(value: object, end: str = ".") -> str:
    return sentence(str(value), end=end)


def _question(value: object) -> str:
    return ensure_question(str(value))


def _second_person(value: object) -> str:
    """The filter: the client's words turned to "you", to sit inside a sentence.

    A first-person word that opened the client's sentence ("I miss her") is
    capitalised only because it came first; in a template it follows other words,
    so its "You" is lower-cased ("So you miss her."). Other capitals stay.
    """
    text = str(value)
    out = second_person(text)
    lead = len(out) - len(out.lstrip())
    if out[lead : lead + 1] == "Y" and text[lead : lead + 1] not in {"Y", "y"}:
        out = f"{out[:lead]}y{out[lead + 1 :]}"
    return out


def filters() -> dict[str, Callable[..., str]]:
    """The filters every mikit environment registers, by name.

    ``second_person`` (I -> you), ``gerund`` ("quit smoking" -> "quitting smoking"),
    ``a_an`` and its alias ``with_article`` ("an 8", "a walk"), ``join_list`` (Oxford
    comma), ``sentence`` (capital first letter, final punctuation) and ``question``
    (ends with "?").

    Returns:
        A new dict mapping each filter name to its function.
    """
    return {
        "second_person": _second_person,
        "gerund": _gerund,
        "a_an": _a_an,
        "with_article": _a_an,
        "join_list": _join_list,
        "sentence": _sentence,
        "question": _question,
    }


def _variant_key(name: str) -> tuple[str, int, str]:
    """Sort variants by folder, then number ("2.j2" before "10.j2"), then name."""
    folder, _, base = name.rpartition("/")
    stem = base.removesuffix(_SUFFIX)
    return (folder, int(stem) if stem.isdigit() else -1, stem)


class Engine:
    """One Jinja2 environment for MI text, with an optional user template directory.

    The environment is built on first use and kept; compiled templates are cached,
    so rendering the same template again costs only the rendering.

    Args:
        user_dir: A directory whose templates come before the packaged ones, or None.

    Example:
        >>> engine = Engine()
        >>> engine.variants("en/ask/key_question")[0]
        'en/ask/key_question/1.j2'
    """

    def __init__(self, user_dir: str | os.PathLike[str] | None = None) -> None:
        self.user_dir: Path | None = None if user_dir is None else Path(user_dir)
        self._env: jinja2.Environment | None = None
        self._templates: dict[str, jinja2.Template] = {}
        self._moves: dict[str, tuple[str, ...]] | None = None
        self._direct: dict[str, tuple[str, ...]] = {}
        self._globals: dict[str, Any] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Engine(user_dir={None if self.user_dir is None else str(self.user_dir)!r})"

    @property
    def environment(self) -> jinja2.Environment:
        """The Jinja2 environment, built on first use."""
        env = self._env
        if env is None:
            with self._lock:
                env = self._env
                if env is None:
                    env = self._env = self._build()
        return env

    def _build(self) -> jinja2.Environment:
        loaders: list[jinja2.BaseLoader] = []
        if self.user_dir is not None:
            loaders.append(jinja2.FileSystemLoader(self.user_dir))
        loaders.append(jinja2.PackageLoader("mikit", "templates"))
        env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # noqa: S701 - plain text; HTML uses its own environment
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            # Packaged templates do not change while a program runs; skip the stat calls.
            auto_reload=False,
            cache_size=-1,
        )
        env.filters.update(filters())
        self._globals = dict(env.globals)
        return env

    def template(self, name: str) -> jinja2.Template:
        """The compiled template *name*, from the cache after the first call.

        Raises:
            TemplateNotFoundError: If no loader has the template.
            TemplateError: If the template does not compile.
        """
        try:
            return self._templates[name]
        except KeyError:
            pass
        try:
            tpl = self.environment.get_template(name)
        except jinja2.TemplateNotFound as err:
            msg = f"no template named {name!r}"
            raise TemplateNotFoundError(msg) from err
        except jinja2.TemplateSyntaxError as err:
            msg = f"{name}:{err.lineno}: {err.message}"
            raise TemplateError(msg) from err
        self._templates[name] = tpl
        return tpl

    def render(self, name: str, /, **context: Any) -> str:
        """Render the template *name* with *context*.

        Args:
            name: A template path, such as ``"en/reflect/simple/1.j2"``.
            **context: The template's variables; every one it uses must be given.

        Returns:
            The rendered text, with surrounding whitespace removed.

        Raises:
            TemplateNotFoundError: If no loader has the template.
            TemplateError: If it does not compile, uses a variable not given, or a
                filter fails; the message names the template.
        """
        tpl = self.template(name)
        try:
            # Template.render merges globals through a ChainMap on every call; one
            # dict built here does the same work at a third of the cost.
            ctx = tpl.new_context({**self._globals, **context}, shared=True)
            return "".join(tpl.root_render_func(ctx)).strip()
        except jinja2.UndefinedError as err:
            msg = f"{name}: {err.message}"
            raise TemplateError(msg) from err
        except jinja2.TemplateError as err:
            msg = f"{name}: {err.message or type(err).__name__}"
            raise TemplateError(msg) from err

    def _index(self) -> dict[str, tuple[str, ...]]:
        moves = self._moves
        if moves is None:
            found: dict[str, list[str]] = {}
            for name in self.environment.list_templates(extensions=["j2"]):
                folder = name
                while "/" in folder:
                    folder = folder.rpartition("/")[0]
                    found.setdefault(folder, []).append(name)
            moves = {k: tuple(sorted(v, key=_variant_key)) for k, v in found.items()}
            self._moves = moves
        return moves

    def variants(self, name: str) -> list[str]:
        """Every template of the move *name*, including those in sub-folders.

        Args:
            name: A folder (``"en/reflect/simple"``, or ``"en/reflect"`` for all
                reflections) or one template path (``"en/ask/key_question/1.j2"``).

        Returns:
            The template paths, sorted by folder and variant number.

        Raises:
            TemplateNotFoundError: If there is no such move or template.
        """
        key = name.rstrip("/")
        moves = self._index()
        if key in moves:
            return list(moves[key])
        if key.endswith(_SUFFIX):
            self.template(key)
            return [key]
        msg = f"no template or move named {name!r}"
        raise TemplateNotFoundError(msg)

    def direct_variants(self, name: str) -> tuple[str, ...]:
        """The templates directly inside the folder *name* (not in sub-folders).

        Raises:
            TemplateNotFoundError: If the folder holds no templates.
        """
        try:
            return self._direct[name]
        except KeyError:
            pass
        moves = self._index()
        prefix = name.rstrip("/") + "/"
        found = tuple(v for v in moves.get(name.rstrip("/"), ()) if "/" not in v[len(prefix) :])
        if not found:
            msg = f"no templates in the move {name!r}"
            raise TemplateNotFoundError(msg)
        self._direct[name] = found
        return found

    def render_move(self, move: str, /, *, seed: int | None = None, **context: Any) -> str:
        """Render one variant of *move*, chosen by *seed*.

        Args:
            move: A folder of variants, such as ``"en/reflect/simple"``.
            seed: Chooses the variant through ``random.Random(seed)``; None gives the
                first variant.
            **context: The templates' variables.

        Returns:
            The rendered text.

        Raises:
            TemplateNotFoundError: If the move has no templates.
            TemplateError: If the variant fails to render.
        """
        names = self.direct_variants(move)
        return self.render(names[choose(len(names), seed)], **context)

    def render_all(self, move: str, /, **context: Any) -> list[str]:
        """Render every variant directly inside *move*, in order.

        Raises:
            TemplateNotFoundError: If the move has no templates.
            TemplateError: If a variant fails to render.
        """
        return [self.render(name, **context) for name in self.direct_variants(move)]


@functools.lru_cache(maxsize=4096)
def _seeded_index(count: int, seed: int) -> int:
    return random.Random(seed).randrange(count)  # noqa: S311 - wording, not secrets


def choose(count: int, seed: int | None) -> int:
    """The index among *count* variants that *seed* picks (0 for no seed).

    >>> choose(3, None)
    0
    >>> choose(3, 7) == choose(3, 7)
    True
    """
    if seed is None or count <= 1:
        return 0
    return _seeded_index(count, seed)


_default: Engine = Engine()


def default_engine() -> Engine:
    """The engine the generators and the module-level functions use."""
    return _default


def configure(*, user_dir: str | os.PathLike[str] | None = None) -> Engine:
    """Replace the default engine, for example to add a user template directory.

    Templates in *user_dir* come before the packaged ones: a file named like a
    packaged variant (``en/reflect/simple/1.j2``) overrides it, and a new file in a
    move's folder (``en/reflect/simple/9.j2``) adds a variant.

    Args:
        user_dir: The user template directory, or None for packaged templates only.

    Returns:
        The new default engine.
    """
    global _default  # noqa: PLW0603 - one default, swapped as a whole
    _default = Engine(user_dir=user_dir)
    return _default


def render(name: str, /, **context: Any) -> str:
    """Render the template *name* with the default engine.

    Args:
        name: A template path, such as ``"en/ask/key_question/1.j2"``.
        **context: The template's variables.

    Returns:
        The rendered text.

    Raises:
        TemplateNotFoundError: If no loader has the template.
        TemplateError: If it fails to compile or render.

    >>> render("en/ask/key_question/1.j2", goal="quitting smoking", statement="quit smoking")
    "What do you think you'll do?"
    """
    return _default.render(name, **context)


def render_move(move: str, /, *, seed: int | None = None, **context: Any) -> str:
    """Render one variant of *move* with the default engine, chosen by *seed*.

    Raises:
        TemplateNotFoundError: If the move has no templates.
        TemplateError: If the variant fails to render.
    """
    return _default.render_move(move, seed=seed, **context)


def template_variants(name: str) -> list[str]:
    """Every template variant under *name*, so that tests can render all of them.

    Args:
        name: A move folder (``"en/reflect/simple"``), a parent folder (``"en"``
            lists every template) or one template path.

    Returns:
        The template paths, sorted.

    Raises:
        TemplateNotFoundError: If there is no such move or template.

    >>> template_variants("en/reflect/simple")[:2]
    ['en/reflect/simple/1.j2', 'en/reflect/simple/2.j2']
    """
    return _default.variants(name)


class _CappedSandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """A sandbox that also caps ``range()``, string repetition and powers."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, max_size: int) -> None:
        super().__init__(
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.max_size = max_size
        self.filters.update(filters())
        self.globals["range"] = self._range

    def _range(self, *args: int) -> range:
        rng = range(*args)
        if len(rng) > self.max_size:
            msg = f"range() of {len(rng)} items is over the cap of {self.max_size}"
            raise OutputTooLargeError(msg)
        return rng

    def call_binop(
        self, context: jinja2.runtime.Context, operator_: str, left: Any, right: Any
    ) -> Any:
        if operator_ == "**":
            if isinstance(right, (int, float)) and abs(right) > 64:
                msg = f"power {right!r} is over the cap of 64"
                raise OutputTooLargeError(msg)
            return operator.pow(left, right)
        if operator_ == "*":
            for seq, times in ((left, right), (right, left)):
                repeated = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                if repeated and len(seq) * times > self.max_size:
                    msg = f"repetition of {len(seq) * times} items is over the cap"
                    raise OutputTooLargeError(msg)
            return operator.mul(left, right)
        return super().call_binop(context, operator_, left, right)


def render_user_template(
    source: str,
    /,
    *,
    max_output: int = DEFAULT_MAX_OUTPUT,
    max_range: int = DEFAULT_MAX_RANGE,
    context: Mapping[str, Any] | None = None,
    **variables: Any,
) -> str:
    """Render template *source* supplied by a user, in Jinja2's sandbox.

    The source is compiled in an ``ImmutableSandboxedEnvironment`` with mikit's
    filters, so it cannot reach Python internals or change the data it is given.
    Output is streamed and rendering stops past *max_output* characters; ``range()``,
    string repetition and powers are capped too. The sandbox does not bound time: a
    template with nested loops that print nothing can still run long, so render
    untrusted templates in a worker you can stop if that matters.

    Args:
        source: The template text.
        max_output: The most characters to produce.
        max_range: The longest ``range()`` and repetition allowed.
        context: Variables for the template, as a mapping.
        **variables: More variables for the template.

    Returns:
        The rendered text.

    Raises:
        TemplateError: If the source does not compile, uses an unknown variable or
            tries something the sandbox forbids.
        OutputTooLargeError: If the output, a ``range()`` or a repetition goes past
            its cap.

    >>> render_user_template("{{ 'ab' * 3 }}")
    'ababab'
    """
    env = _CappedSandbox(max_range)
    try:
        tpl = env.from_string(source)
    except jinja2.TemplateSyntaxError as err:
        msg = f"<user template>:{err.lineno}: {err.message}"
        raise TemplateError(msg) from err
    values = {**(context or {}), **variables}
    try:
        return _capped_join(tpl.generate(**values), max_output)
    except OutputTooLargeError:
        raise
    except jinja2.exceptions.SecurityError as err:
        msg = f"<user template>: not allowed in the sandbox: {err}"
        raise TemplateError(msg) from err
    except jinja2.TemplateError as err:
        msg = f"<user template>: {err.message or type(err).__name__}"
        raise TemplateError(msg) from err
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError) as err:
        msg = f"<user template>: {type(err).__name__}: {err}"
        raise TemplateError(msg) from err


def _capped_join(chunks: Iterable[str], max_output: int) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_output:
            msg = f"<user template>: output is over the cap of {max_output} characters"
            raise OutputTooLargeError(msg)
        parts.append(chunk)
    return "".join(parts)
