"""The FastAPI version of compare/: the hello pages, their templates and the body limit."""
