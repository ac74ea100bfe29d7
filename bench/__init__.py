"""Performance measures of resdiff, run by ``make bench`` (``python -m bench``).

Each measure is one function returning a `Row`; `bench.__main__.MEASURES` lists them in the
order they are printed. A later measure is one more function and one more entry in that list.
"""
