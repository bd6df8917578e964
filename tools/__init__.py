"""Tools for learners and instructors: make doctor, start, check, reset, solution, diff."""
