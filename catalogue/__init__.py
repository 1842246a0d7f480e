"""A static site generator for catalogues of social services.

The pipeline, one folder per stage, imports pointing one way only::

    errors ← load ← model ← validate ← index ← render/outputs ← write ← pipeline ← cli
"""

__version__ = "0.1.0"
