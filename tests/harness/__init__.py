"""Helpers shared by the test suites: load stages by path, call WSGI apps, run real servers.

Standard library only, so that the tests of stages 01 and 02 need nothing but pytest.
"""
