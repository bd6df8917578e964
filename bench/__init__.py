"""`make bench`: what each layer costs, and whether the capstone stays fast as data grows.

Run from the repository root: `make bench` (or `.venv/bin/python -m bench`). Needs wrk
(`sudo apt-get install wrk`). Prints the tables, writes .bench/latest.json, and exits
1 if a target of bench/report.py (the capstone's task list against stage 04's hello) is missed.
"""
