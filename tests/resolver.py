"""linkchecker under a stand-in resolver: `python tests/resolver.py <linkchecker arguments>`.

The external link tests must not depend on the machine's DNS (a resolver may answer for `.invalid`,
or take seconds to say it does not know it) nor wait for a timeout. Here, names under `.invalid` are
unknown and `timeout.test` times out, both at once, as linkchecker would see them from a real resolver;
every other name (127.0.0.1) goes to the system as usual.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Any

UNKNOWN = ".invalid"
TIMES_OUT = "timeout.test"
system_getaddrinfo = socket.getaddrinfo


def getaddrinfo(host: bytes | str | None, *args: Any, **kwargs: Any) -> Any:
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name.endswith(UNKNOWN):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    if name == TIMES_OUT:
        raise TimeoutError("timed out")
    return system_getaddrinfo(host, *args, **kwargs)


if __name__ == "__main__":
    socket.getaddrinfo = getaddrinfo
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from scripts.checks.linkchecker_run import main  # linkchecker as the project runs it

    main()
