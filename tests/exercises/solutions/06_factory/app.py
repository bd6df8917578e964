"""Worked solutions of stage 06's exercises: the stage's app.py, building the app below.

hello_factory/ here holds only the modules the exercises change or add; the others
(auth, csrf, main, templates...) come from the reference 06_factory/hello_factory/.
"""

from hello_factory import create_app

application = create_app()
