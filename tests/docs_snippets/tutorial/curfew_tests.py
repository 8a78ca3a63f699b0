"""The tests of the tutorial's plugin: tests/test_curfew.py in libyaevents-curfew.

Not run from here (it needs the plugin installed); tests/test_example_plugin.py copies it
into the plugin it builds by following docs/plugins/tutorial.md, and runs it there.
"""

# --8<-- [start:tests]
import io

import libyaevents_curfew
from libyaevents.testing import make_article, registered


def test_a_curfew_is_coercion():
    """A sentence announcing a curfew gives one COERCE/curfew event."""
    text = "The municipal council imposed a curfew in Zuwara after the clashes. Shops reopened."
    with registered(libyaevents_curfew) as pipeline:
        result = pipeline.extract(make_article(text))
    [event] = result.events
    assert (event.type, event.mode) == ("COERCE", "curfew")
    assert event.evidence[0].text == "The municipal council imposed a curfew in Zuwara after the clashes."


def test_the_tsv_line():
    """The exporter writes article id, event type and evidence."""
    with registered(libyaevents_curfew) as pipeline:
        result = pipeline.extract(make_article("A curfew was declared in Sabha.", id="s1"))
        out = io.StringIO()
        pipeline.export([result], "curfew-tsv", out)
    assert out.getvalue() == "s1\tCOERCE\tA curfew was declared in Sabha.\n"
# --8<-- [end:tests]
