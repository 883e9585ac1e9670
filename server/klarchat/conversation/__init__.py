"""A chat conversation: its connection, its consent flow, its answer, who answers it, and
the registry of the conversations live in this process. See docs/ARCHITECTURE.md."""
