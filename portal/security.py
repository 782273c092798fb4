"""Security headers and the API's per-client rate limit.

The CSP allows scripts and styles from the portal's own origin only — no inline script or style
anywhere — and nothing from elsewhere, so crawled text can never run even if escaping failed.

Litestar's `RateLimitMiddleware` keeps every request's timestamp in a list per client and
re-encodes that list as JSON on each request: O(limit) work per request. `CountingRateLimit`
keeps the same `RateLimitConfig`, store, headers and 429, but counts requests in a fixed window
(O(1)), so a generous limit costs nothing measurable. Counters live in the app's store, so each
worker process and each app built by a test has its own.
"""

from __future__ import annotations

import time
from typing import Any

from litestar.datastructures import ResponseHeader
from litestar.exceptions import TooManyRequestsException
from litestar.middleware.rate_limit import DURATION_VALUES, CacheObject, RateLimitConfig, RateLimitMiddleware
from litestar.serialization import decode_json, encode_json
from litestar.types import ASGIApp, Receive, Scope, Send

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def response_headers() -> list[ResponseHeader]:
    """The headers every handler's response carries. App-level `response_headers` reach neither
    exception responses (`portal.errors.handle` adds them) nor the static files router (which gets
    `with_security_headers` as its middleware); the security tests check every kind of response."""
    return [ResponseHeader(name=name, value=value) for name, value in SECURITY_HEADERS.items()]


_RAW_HEADERS = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in SECURITY_HEADERS.items()]


def with_security_headers(app: ASGIApp) -> ASGIApp:
    """ASGI middleware adding the security headers to responses that carry none of them."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        async def wrapped(message: Any) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _RAW_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await app(scope, receive, wrapped)

    return middleware


class CountingRateLimit(RateLimitMiddleware):
    """Fixed-window request counting: `history` holds one number, the count, not every timestamp."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = scope["litestar_app"]
        request = app.request_class(scope)
        store = self.config.get_store_from_app(app)
        if await self.should_check_request(request=request):
            key = self.cache_key_from_request(request)
            now = int(time.time())
            async with self._lock:
                raw = await store.get(key)
                window = CacheObject(**decode_json(raw)) if raw else None
                if window is None or window.reset <= now:
                    window = CacheObject(history=[0], reset=now + DURATION_VALUES[self.unit])
                if window.history[0] >= self.max_requests:
                    raise TooManyRequestsException(headers=self._headers(window, now))
                window.history[0] += 1
                await store.set(key, encode_json(window), expires_in=window.reset - now)
            if self.config.set_rate_limit_headers:
                send = self._with_headers(send, self._headers(window, now))
        await self.app(scope, receive, send)

    def _headers(self, window: CacheObject, now: int) -> dict[str, str]:
        return {
            self.config.rate_limit_policy_header_key: f"{self.max_requests}; w={DURATION_VALUES[self.unit]}",
            self.config.rate_limit_limit_header_key: str(self.max_requests),
            self.config.rate_limit_remaining_header_key: str(max(0, self.max_requests - window.history[0])),
            self.config.rate_limit_reset_header_key: str(max(0, window.reset - now)),
        }

    @staticmethod
    def _with_headers(send: Send, headers: dict[str, str]) -> Send:
        extra = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

        async def wrapped(message: Any) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return wrapped


def rate_limit(per_minute: int) -> RateLimitConfig | None:
    """The API's limit, or None when `per_minute` is 0 (off)."""
    if per_minute <= 0:
        return None
    return RateLimitConfig(rate_limit=("minute", per_minute), middleware_class=CountingRateLimit)
