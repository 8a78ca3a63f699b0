"""Built-in plugins: ordinary plugin modules, registered explicitly by :mod:`libyaevents.plugins`.

.. versionadded:: 0.1
"""
