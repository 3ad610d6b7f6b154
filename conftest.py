import os

os.environ.setdefault("MOTCUA_TESTING", "1")
