"""How-to: extract from a folder of saved web pages and a JSON Lines dump."""

import json
from pathlib import Path

# Set up what the how-to assumes: a folder with a saved page, and a JSON Lines dump.
Path("pages").mkdir(exist_ok=True)
Path("pages/tripoli-sit-in.html").write_text(
    "<html><head><title>Sit-in in Tripoli</title>"
    '<meta property="article:published_time" content="2024-05-02"></head>'
    "<body><nav>Home | World | Sport</nav><article><h1>Sit-in in Tripoli</h1>"
    "<p>Hundreds of demonstrators staged a sit-in outside the prime minister's office in "
    "Tripoli on Thursday, demanding early elections and an end to power cuts.</p>"
    "<p>Police watched from a distance and no arrests were reported by the evening.</p>"
    "</article><footer>Share on X</footer></body></html>",
    encoding="utf-8",
)
with open("dump.jsonl", "w", encoding="utf-8") as stream:
    stream.write(json.dumps({"id": "a1", "published": "2024-05-03", "text": "Students held a sit-in in Benghazi."}) + "\n")
    stream.write("this line is not JSON\n")

# --8<-- [start:read]
import libyaevents

pipeline = libyaevents.Pipeline()
items = pipeline.read(["pages/", "dump.jsonl"])  # folders are read recursively
with open("events.jsonl", "w", encoding="utf-8") as out:
    pipeline.export(pipeline.extract_many(items), "jsonl", out)
# --8<-- [end:read]

# --8<-- [start:check]
for item in libyaevents.load("events.jsonl").articles:
    print(item.article.id, item.article.published, len(item.events), "events")
for problem in libyaevents.load("events.jsonl").errors:
    print(problem)  # dump.jsonl:2: error: line is not JSON (...)
# --8<-- [end:check]

export = libyaevents.load("events.jsonl")
assert {r.article.id for r in export.articles} == {"tripoli-sit-in", "a1"}
assert [p.origin for p in export.errors] == ["dump.jsonl:2"]
