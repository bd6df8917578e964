"""The capstone's task API, the slice compare/ ports: FastAPI on the capstone's database."""
