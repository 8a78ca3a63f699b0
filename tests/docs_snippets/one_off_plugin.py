"""Plugins: a plugin inside your own program, without packaging it (docs/plugins/tutorial.md)."""

# --8<-- [start:one-off]
import libyaevents
from libyaevents import Event
from libyaevents.ids import event_id
from libyaevents.plugins import get_plugin_manager


class CurfewPlugin:
    """Hook implementations can be methods of any object."""

    __name__ = "curfew"  # the name pluggy shows in traces

    @libyaevents.hookimpl
    def libyaevents_build_events(self, doc):
        return [
            Event(
                id=event_id(doc.article.id, "COERCE", [s]),
                type="COERCE",
                mode="curfew",
                evidence=[s],
                extractor="curfew",
            )
            for s in doc.sentences
            if "curfew" in s.text.lower()
        ]


pm = get_plugin_manager()  # built-ins plus the installed plugins
pm.register(CurfewPlugin(), name="curfew")
pipeline = libyaevents.Pipeline(plugin_manager=pm)
result = pipeline.extract("The municipality imposed a night curfew in Zuwara.", published="2024-02-01")
print([(e.type, e.mode) for e in result.events])  # [('COERCE', 'curfew'), ...]
# --8<-- [end:one-off]

assert ("COERCE", "curfew") in [(e.type, e.mode) for e in result.events]
