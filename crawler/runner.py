"""Run one crawl: decide politeness, configure Scrapy, walk the site, return the summary.

Scrapy's reactor runs once per process, so `minutes crawl` (and the tests, as a subprocess) call
this once.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import CrawlerProcess

from crawler import politeness
from crawler.session import CrawlSession
from crawler.spiders.opengov import OpengovSpider
from minutes.settings import Settings

RETRY_CODES = [500, 502, 503, 504, 522, 524, 408, 429]


def scrapy_settings(settings: Settings, polite: politeness.Politeness, progress_interval: float) -> dict[str, Any]:
    delay = polite.delay
    # AutoThrottle backs off when the host slows down; against our own loopback replica with no
    # delay it would only cap the crawl, so it is on whenever there is a host to be polite to.
    throttle = delay > 0 or not politeness.is_loopback(settings.base_url)
    return {
        "BOT_NAME": "open-minutes-seoul",
        "USER_AGENT": settings.user_agent,
        "ROBOTSTXT_OBEY": True,
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_DELAY_JITTER": 0.5 if delay > 0 else 0,
        "CONCURRENT_REQUESTS": settings.crawl_concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.crawl_concurrency,
        "AUTOTHROTTLE_ENABLED": throttle,
        "AUTOTHROTTLE_START_DELAY": max(delay, 1.0),
        "AUTOTHROTTLE_MAX_DELAY": max(60.0, delay * 3),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": settings.crawl_retries,
        "RETRY_HTTP_CODES": RETRY_CODES,
        "DOWNLOAD_TIMEOUT": settings.crawl_timeout,
        "DOWNLOAD_MAXSIZE": settings.max_download_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "LOG_INSTALL_ROOT_HANDLER": True,
        "FEED_EXPORT_ENCODING": "utf-8",
        "ITEM_PIPELINES": {"crawler.pipeline.ArchivePipeline": 100},
        "DOWNLOADER_MIDDLEWARES": {"crawler.middlewares.ResumeFromArchive": 50},
        "EXTENSIONS": {"crawler.progress.Progress": 0},
        "MINUTES_PROGRESS_INTERVAL": progress_interval,
        "REACTOR_THREADPOOL_MAXSIZE": 4,
    }


def run_crawl(
    settings: Settings, *, explicit_delay: float | None = None, fresh: bool = False, progress_interval: float = 5.0
) -> dict[str, Any]:
    robots = politeness.fetch_robots(settings.base_url, settings.user_agent)
    polite = politeness.decide(
        settings.base_url, explicit_delay=explicit_delay, robots_txt=robots, user_agent=settings.user_agent
    )
    session = CrawlSession(settings, polite, fresh=fresh)
    process = CrawlerProcess(scrapy_settings(settings, polite, progress_interval))
    process.crawl(OpengovSpider, session=session)
    process.start()
    summary = dict(session.run.summary)
    summary["run_id"] = session.run.run_id
    summary["status"] = session.run.status
    summary["resumed_times"] = session.run.resumed_times
    return summary
