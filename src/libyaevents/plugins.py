"""The plugin manager: finds plugins, applies the allow and block lists, and collects
what they register.

Built-in plugins are registered explicitly from :data:`DEFAULT_PLUGINS` (never through
the package's own entry point, which would break when it is not installed); third-party
plugins come from the ``libyaevents`` entry-point group, each loaded on its own so that
one that fails to import is reported and the others still load.

Environment variables (documented in ``docs/plugins/managing.md``):

* ``LIBYAEVENTS_LOAD_PLUGINS``: comma-separated allowlist of entry-point plugin names;
  only these are loaded. Empty string: load none.
* ``LIBYAEVENTS_DISABLE_PLUGINS``: comma-separated blocklist of plugin, extractor,
  reader or exporter names, as ``--disable NAME`` on the command line.
* ``LIBYAEVENTS_TRACE_PLUGINS``: when set, every hook call and its result is printed
  to stderr.

.. versionadded:: 0.1
"""

from __future__ import annotations

import importlib
import importlib.metadata
import logging
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pluggy

from . import hookspecs
from ._models import Problem
from .exceptions import PluginError

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "PluginManager",
    "Registry",
    "disabled_names",
    "get_plugin_manager",
    "get_plugins",
]

log = logging.getLogger(__name__)

#: The entry-point group plugins declare themselves in.
ENTRY_POINT_GROUP = "libyaevents"

#: Built-in plugins, registered explicitly under these names.
DEFAULT_PLUGINS: tuple[tuple[str, str], ...] = (
    ("readers", "libyaevents.builtins.readers"),
    ("clean", "libyaevents.builtins.clean"),
    ("resolve", "libyaevents.builtins.resolve"),
    ("json", "libyaevents.builtins.json_export"),
)


def _split(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(",") if p.strip()]


def disabled_names(extra: Iterable[str] = ()) -> frozenset[str]:
    """The names blocked by ``LIBYAEVENTS_DISABLE_PLUGINS`` plus ``extra``."""
    return frozenset(_split(os.environ.get("LIBYAEVENTS_DISABLE_PLUGINS"))) | frozenset(extra)


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering the distribution version of each entry-point plugin."""

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT)
        #: Plugin name -> version of the distribution that provides it.
        self.versions: dict[str, str] = {}


def get_plugin_manager(
    *,
    load_entrypoints: bool = True,
    disable: Iterable[str] = (),
    problems: list[Problem] | None = None,
) -> PluginManager:
    """Build a plugin manager with the built-ins and the installed plugins.

    Args:
        load_entrypoints: Load plugins from the ``libyaevents`` entry-point group
            (tests turn this off to run with built-ins only).
        disable: Plugin names not to load, added to ``LIBYAEVENTS_DISABLE_PLUGINS``.
        problems: A list that receives a :class:`~libyaevents.Problem` for each plugin
            that failed to load.

    Returns:
        A fresh :class:`pluggy.PluginManager`; nothing is shared between calls.
    """
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    blocked = disabled_names(disable)
    for name in blocked:
        pm.set_blocked(name)
    for name, module in DEFAULT_PLUGINS:
        if name not in blocked:
            pm.register(importlib.import_module(module), name=name)
    if load_entrypoints:
        _load_entrypoints(pm, blocked, problems if problems is not None else [])
    if tracing():
        _trace(pm)
    _check_pending(pm, problems if problems is not None else [])
    return pm


def _check_pending(pm: pluggy.PluginManager, problems: list[Problem]) -> None:
    """Unregister plugins that implement hooks no spec defines (a misspelt hook name),
    reporting each, so one broken plugin does not stop every run."""
    try:
        pm.check_pending()
        return
    except pluggy.PluginValidationError:
        pass
    for name in dir(pm.hook):
        caller = getattr(pm.hook, name)
        if name.startswith("_") or not hasattr(caller, "get_hookimpls") or caller.spec is not None:
            continue
        for impl in caller.get_hookimpls():
            if impl.optionalhook or pm.get_plugin(impl.plugin_name) is None:
                continue
            msg = (
                f"plugin {impl.plugin_name!r} implements {name!r}, which is not a libyaevents hook "
                "(misspelt?): the plugin is not loaded"
            )
            log.warning(msg)
            problems.append(Problem(level="error", message=msg, plugin=impl.plugin_name))
            pm.unregister(name=impl.plugin_name)


def _load_entrypoints(pm: PluginManager, blocked: frozenset[str], problems: list[Problem]) -> None:
    allow_env = os.environ.get("LIBYAEVENTS_LOAD_PLUGINS")
    allow = None if allow_env is None else set(_split(allow_env))
    eps = sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)
    for ep in eps:
        if ep.name in blocked or (allow is not None and ep.name not in allow):
            continue
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
            if ep.dist is not None:
                pm.versions[ep.name] = ep.dist.version
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the others
            msg = (
                f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}. "
                "Check that it is compatible with this libyaevents version, or disable it "
                f"with --disable {ep.name}."
            )
            log.warning(msg)
            problems.append(Problem(level="error", message=msg, plugin=ep.name))


def tracing() -> bool:
    """Whether ``LIBYAEVENTS_TRACE_PLUGINS`` asks for every hook call to be printed."""
    return bool(os.environ.get("LIBYAEVENTS_TRACE_PLUGINS"))


def trace(hook_name: str, plugin: str, result: Any) -> None:
    """Print one hook call of ``plugin`` and its result to stderr."""
    print(f"libyaevents: {plugin}.{hook_name} returned {result!r:.200}", file=sys.stderr)


def _trace(pm: pluggy.PluginManager) -> None:
    def before(hook_name: str, methods: Any, kwargs: Any) -> None:
        print(f"libyaevents: calling {hook_name} with {sorted(kwargs)}", file=sys.stderr)

    def after(outcome: Any, hook_name: str, methods: Any, kwargs: Any) -> None:
        print(f"libyaevents: {hook_name} returned {outcome.get_result()!r:.200}", file=sys.stderr)

    pm.add_hookcall_monitoring(before, after)


@attrs.define
class Registry:
    """What the plugins registered: readers, extractors and exporters, by name.

    Attributes:
        readers: Reader objects by name.
        extractors: Extractor objects by name.
        exporters: Exporter objects by name.
        owners: Which plugin registered each name, keyed ``"kind:name"`` (``"exporter:json"``).
    """

    readers: dict[str, Any] = attrs.Factory(dict)
    extractors: dict[str, Any] = attrs.Factory(dict)
    exporters: dict[str, Any] = attrs.Factory(dict)
    owners: dict[str, str] = attrs.Factory(dict)

    @classmethod
    def collect(
        cls, pm: pluggy.PluginManager, *, disable: Iterable[str] = (), problems: list[Problem] | None = None
    ) -> Registry:
        """Call every ``register_*`` hook implementation and validate what it registers.

        A plugin whose registration hook raises is reported in ``problems`` and skipped.
        """
        reg = cls()
        blocked = disabled_names(disable)
        problems = problems if problems is not None else []
        kinds: list[tuple[str, str, dict[str, Any], tuple[str, ...]]] = [
            ("register_readers", "reader", reg.readers, ("name", "suffixes", "read")),
            ("register_extractors", "extractor", reg.extractors, ("name",)),
            ("register_exporters", "exporter", reg.exporters, ("name", "suffix", "media_type", "write")),
        ]
        for hook_name, kind, table, required in kinds:
            hook = getattr(pm.hook, hook_name)
            for impl in reversed(hook.get_hookimpls()):
                owner = impl.plugin_name
                register = _registrar(kind, table, required, owner, blocked, reg.owners)
                try:
                    impl.function(register=register)
                    if tracing():
                        trace(hook_name, owner, None)
                except PluginError:
                    raise
                except Exception as exc:  # noqa: BLE001
                    problems.append(
                        Problem(
                            level="error",
                            message=f"{hook_name} of plugin {owner!r} failed: {type(exc).__name__}: {exc}",
                            plugin=owner,
                        )
                    )
        return reg


def _registrar(
    kind: str,
    table: dict[str, Any],
    required: tuple[str, ...],
    owner: str,
    blocked: frozenset[str],
    owners: dict[str, str],
) -> Callable[[Any], None]:
    def register(item: Any) -> None:
        missing = [a for a in required if not hasattr(item, a)]
        if missing:
            raise PluginError(f"plugin {owner!r} registered {item!r}, which lacks {', '.join(missing)}")
        name = item.name
        if not isinstance(name, str) or not name:
            raise PluginError(f"plugin {owner!r} registered an object whose name is {name!r}")
        if name in blocked:
            return
        key = f"{kind}:{name}"
        if name in table and owners.get(key) != owner:
            log.info("%s %r of plugin %r replaces the one of %r", kind, name, owner, owners[key])
        table[name] = item
        owners[key] = owner

    return register


@attrs.frozen
class PluginInfo:
    """An installed plugin, as ``libyaevents plugins`` lists it."""

    name: str
    version: str | None
    builtin: bool
    hooks: tuple[str, ...]
    readers: tuple[str, ...]
    extractors: tuple[str, ...]
    exporters: tuple[str, ...]


def get_plugins(pm: PluginManager | None = None, *, all: bool = True) -> list[PluginInfo]:  # noqa: A002
    """List the loaded plugins with their versions and what each registers.

    Args:
        pm: A plugin manager; a new one by default.
        all: Include the built-in plugins.
    """
    pm = pm or get_plugin_manager()
    reg = Registry.collect(pm)
    builtin_names = {name for name, _ in DEFAULT_PLUGINS}
    out = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda p: p[0]):
        if plugin is None:
            continue
        builtin = name in builtin_names
        if builtin and not all:
            continue
        version = getattr(pm, "versions", {}).get(name)
        if builtin:
            from . import __version__

            version = __version__
        owned = {k for k, v in reg.owners.items() if v == name}

        def names(kind: str, owned: set[str] = owned) -> tuple[str, ...]:
            return tuple(sorted(k.split(":", 1)[1] for k in owned if k.startswith(kind + ":")))

        out.append(
            PluginInfo(
                name=name,
                version=version,
                builtin=builtin,
                hooks=tuple(sorted(h.name for h in pm.get_hookcallers(plugin) or ())),
                readers=names("reader"),
                extractors=names("extractor"),
                exporters=names("exporter"),
            )
        )
    return out
