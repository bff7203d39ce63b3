"""Which socket addresses the integration tests may connect to: loopback only."""

from __future__ import annotations

import ipaddress


def allowed(address: object) -> bool:
    """True for AF_UNIX paths and loopback IPs; names other than localhost are refused."""
    if not isinstance(address, tuple):
        return True
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False
