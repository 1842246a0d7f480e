"""The records editors write (pydantic, no IO), their field types, and the registry of kinds of content."""
