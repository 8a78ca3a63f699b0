"""Concepts: looking codes up in the taxonomy (docs/guide/taxonomy.md)."""

# --8<-- [start:lookup]
from libyaevents.taxonomy import EVENT_TYPES, MODES, acled_code, cameo_code, quad_class

assert len(EVENT_TYPES) == 16
print(MODES["PROTEST"])  # ('demo', 'riot', 'strike-gen', ...)
print(cameo_code("CONSULT", "visit"))  # '042': the mode's own CAMEO code
print(cameo_code("ASSAULT"))  # '19': no mode, the root code
print(quad_class("ASSAULT"))  # 4: material conflict
print(acled_code("ASSAULT", "aerial"))
# AcledCode(disorder_type='Political violence', event_type='Explosions/Remote violence',
#           sub_event_type='Air/drone strike')
# --8<-- [end:lookup]

assert cameo_code("CONSULT", "visit") == "042"
assert acled_code("ASSAULT", "aerial").sub_event_type == "Air/drone strike"
