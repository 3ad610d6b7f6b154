"""End-to-end tests: the portal, the desk and the workspace driven in Debian's chromium."""
