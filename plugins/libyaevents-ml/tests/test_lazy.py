"""Cost: importing libyaevents, building a pipeline, or running with --disable ml never imports torch."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return out.stdout.strip().splitlines()[-1]


def test_disabled_plugin_does_not_import_torch():
    code = "import libyaevents, sys; libyaevents.Pipeline(disable=['ml']); print('torch' in sys.modules)"
    assert _run(code) == "False"


def test_enabled_plugin_does_not_import_torch_before_the_first_article():
    code = (
        "import libyaevents, sys; p = libyaevents.Pipeline(); "
        "assert 'ml' in p.extractors, sorted(p.extractors); "
        "print('torch' in sys.modules or 'sentence_transformers' in sys.modules)"
    )
    assert _run(code) == "False"


def test_disabled_run_does_not_import_torch():
    code = (
        "import libyaevents, sys; p = libyaevents.Pipeline(disable=['ml']); "
        "p.extract('The LNA attacked positions of the GNU near Sirte on Tuesday.', published='2024-05-16'); "
        "print('torch' in sys.modules)"
    )
    assert _run(code) == "False"


@pytest.mark.slow
def test_the_first_article_loads_the_model():
    code = (
        "import libyaevents, sys; p = libyaevents.Pipeline(); "
        "r = p.extract('The LNA attacked positions of the GNU near Sirte on Tuesday.', published='2024-05-16'); "
        "print('torch' in sys.modules, [e.message for e in r.errors if e.plugin == 'ml'])"
    )
    assert _run(code) == "True []"
