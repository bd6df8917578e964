"""The capstone's task API, the slice compare/ ports: Django REST framework on its tables."""
