"""Entry point: `python tools/course_cli ARGS` (what bin/course runs) or `python -m course_cli` from tools/."""
import os
import sys

# Run as a script, Python puts this package's own folder first on sys.path, where module names could
# shadow the standard library's; tools/ belongs there instead, so that `course_cli` imports as a package.
_TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    sys.path[0] = _TOOLS
elif _TOOLS not in sys.path:
    sys.path.insert(0, _TOOLS)

from course_cli.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
