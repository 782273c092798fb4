"""How long the crawler waits between requests, and why."""

from __future__ import annotations

import pytest

from crawler.politeness import REMOTE_DEFAULT_DELAY, crawl_delay_from_robots, decide, is_loopback

UA = "OpenMinutesSeoul/0.1 (+https://example.org)"


@pytest.mark.parametrize(
    ("robots", "expected"),
    [
        ("User-agent: *\nCrawl-delay: 10\nDisallow: /admin/", 10.0),
        ("User-agent: *\nCrawl-delay: 0.5", 0.5),
        ("User-agent: Googlebot\nCrawl-delay: 1\n\nUser-agent: *\nCrawl-delay: 20", 20.0),
        ("User-agent: openminutesseoul\nCrawl-delay: 3\n\nUser-agent: *\nCrawl-delay: 20", 3.0),
        ("User-agent: *\nDisallow: /", None),
        ("User-agent: *\nCrawl-delay: soon", None),
        ("", None),
    ],
)
def test_crawl_delay_from_robots(robots, expected):
    assert crawl_delay_from_robots(robots, UA) == expected


def test_explicit_delay_wins():
    p = decide(
        "https://opengov.seoul.go.kr", explicit_delay=2, robots_txt="User-agent: *\nCrawl-delay: 10", user_agent=UA
    )
    assert (p.delay, p.reason) == (2, "set by --delay")


def test_robots_delay_beats_defaults():
    p = decide("http://127.0.0.1:8001", explicit_delay=None, robots_txt="User-agent: *\nCrawl-delay: 1", user_agent=UA)
    assert (p.delay, p.reason) == (1.0, "robots.txt Crawl-delay")


def test_remote_host_defaults_to_ten_seconds():
    p = decide("https://opengov.seoul.go.kr", explicit_delay=None, robots_txt=None, user_agent=UA)
    assert p.delay == REMOTE_DEFAULT_DELAY == 10.0 and not p.robots_found


def test_loopback_defaults_to_no_delay():
    assert decide("http://localhost:8001", explicit_delay=None, robots_txt="", user_agent=UA).delay == 0.0


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8001", True),
        ("http://localhost", True),
        ("http://[::1]:80", True),
        ("https://opengov.seoul.go.kr", False),
        ("http://10.0.0.1", False),
    ],
)
def test_is_loopback(url, loopback):
    assert is_loopback(url) is loopback
