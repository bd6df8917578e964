"""`make bench`: what each layer costs, and whether the capstone stays fast as data grows.

Run from the repository root: `make bench` (or `.venv/bin/python -m bench`). Needs wrk
(`sudo apt-get install wrk`). Prints the tables, writes .bench/latest.json, and exits
1 naming each target of bench/report.py that is missed: the capstone's task list and
detail against Django's, FastAPI's and the floor's (bench/floor.py, the same requests
as a bare WSGI callable on the DBAPI), growth with the data, statements per request.
"""
