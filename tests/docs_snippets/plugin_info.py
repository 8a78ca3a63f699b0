"""Plugins: what is installed, and leaving a plugin out (docs/plugins/managing.md)."""

# --8<-- [start:list]
import libyaevents

for info in libyaevents.get_plugins(all=True):
    kind = "built-in" if info.builtin else info.version
    print(info.name, kind, "extractors:", info.extractors, "exporters:", info.exporters)
# --8<-- [end:list]

# --8<-- [start:disable]
# The same names --disable takes: a plugin, an extractor, a reader or an exporter.
pipeline = libyaevents.Pipeline(disable=["example-keywords"])
print(sorted(pipeline.extractors))
# --8<-- [end:disable]

assert "example-keywords" not in pipeline.extractors
assert {"readers", "clean", "resolve", "json"} <= {i.name for i in libyaevents.get_plugins(all=True)}
