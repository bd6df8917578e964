"""Test helpers of the capstone that need its dependencies (tests/harness is stdlib-only)."""
