"""Per-visitor rate limits: at most `limit` actions in any `window_s` seconds (a sliding window)."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque


class RateLimited(Exception):
    def __init__(self, message: str, retry_after_s: float):
        super().__init__(message)
        self.retry_after_s = retry_after_s


class RateLimiter:
    """Thread-safe; remembers at most `max_keys` visitors (the least recently seen are forgotten)."""

    def __init__(self, action: str, limit: int, window_s: float, setting: str = "",
                 clock=time.monotonic, max_keys: int = 10_000):
        self.action, self.limit, self.window_s, self.setting = action, limit, window_s, setting
        self.clock, self.max_keys = clock, max_keys
        self._seen: OrderedDict[str, deque] = OrderedDict()
        self._lock = threading.Lock()

    def full(self, key: str) -> bool:
        """Would one more action for `key` be refused now? (Counts nothing.)"""
        if self.limit <= 0:
            return False
        now = self.clock()
        with self._lock:
            times = self._seen.get(key) or ()
            return sum(1 for t in times if now - t < self.window_s) >= self.limit

    def check(self, key: str) -> None:
        """Count one action for `key`, or raise RateLimited naming the limit (0 = unlimited)."""
        if self.limit <= 0:
            return
        now = self.clock()
        with self._lock:
            times = self._seen.pop(key, None) or deque()
            while times and now - times[0] >= self.window_s:
                times.popleft()
            self._seen[key] = times
            while len(self._seen) > self.max_keys:
                self._seen.popitem(last=False)
            if len(times) >= self.limit:
                wait = self.window_s - (now - times[0])
                where = f" (setting {self.setting})" if self.setting else ""
                raise RateLimited(f"Too many {self.action} requests: at most {self.limit} per "
                                  f"{self.window_s:g} s{where}. Try again in {wait:.0f} s.", wait)
            times.append(now)
