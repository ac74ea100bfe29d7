"""resdiff: compare the drafts of UN General Assembly resolutions paragraph by paragraph."""

__version__ = "0.1.0"
