"""How fast we may crawl a host.

The city's data repository asks crawlers to wait at least 10 seconds between pages, and its
robots.txt carries a Crawl-delay. Scrapy obeys robots.txt rules but not Crawl-delay, so the delay is
decided here, before the crawl starts: an explicit `--delay` wins, then the robots.txt Crawl-delay,
then 10 s for any remote host and 0 for loopback (the replica, the tests).
"""

from __future__ import annotations

import ipaddress
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

REMOTE_DEFAULT_DELAY = 10.0


@dataclass(frozen=True, slots=True)
class Politeness:
    delay: float
    reason: str
    robots_found: bool


def is_loopback(base_url: str) -> bool:
    host = urlsplit(base_url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def crawl_delay_from_robots(robots_txt: str, user_agent: str) -> float | None:
    """The Crawl-delay of the group that applies to us (our product token first, then `*`).

    Read here rather than with urllib.robotparser, which drops fractional delays such as 0.5.
    """
    token = user_agent.split("/", 1)[0].strip().lower()
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for line in robots_txt.splitlines():
        field, _, value = line.split("#", 1)[0].partition(":")
        field, value = field.strip().lower(), value.strip()
        if field == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        elif field:
            in_rules = True
            if field == "crawl-delay":
                try:
                    delay = float(value)
                except ValueError:
                    continue
                for agent in agents:
                    delays.setdefault(agent, delay)
    for agent, delay in delays.items():
        if agent != "*" and agent in token:
            return delay
    return delays.get("*")


def fetch_robots(base_url: str, user_agent: str, timeout: float = 15.0) -> str | None:
    """The site's robots.txt, or None when there is none or it cannot be read."""
    request = urllib.request.Request(base_url.rstrip("/") + "/robots.txt", headers={"User-Agent": user_agent})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read(512 * 1024).decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError, ValueError):
        return None


def decide(base_url: str, *, explicit_delay: float | None, robots_txt: str | None, user_agent: str) -> Politeness:
    found = robots_txt is not None
    if explicit_delay is not None:
        return Politeness(max(0.0, explicit_delay), "set by --delay", found)
    if robots_txt is not None:
        robots_delay = crawl_delay_from_robots(robots_txt, user_agent)
        if robots_delay is not None:
            return Politeness(max(0.0, robots_delay), "robots.txt Crawl-delay", found)
    if is_loopback(base_url):
        return Politeness(0.0, "loopback host", found)
    return Politeness(REMOTE_DEFAULT_DELAY, "default for a remote host", found)
