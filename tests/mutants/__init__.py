"""The mistakes learners make, kept as mutants of the reference stages (see test_mutants.py)."""
