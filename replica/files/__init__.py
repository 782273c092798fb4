"""Real attachment files (HWPX, HWP 5, PDF) with Korean text, written for the replica site."""

from replica.files.hwp5 import build_hwp5
from replica.files.hwpx import build_hwpx
from replica.files.pdf import build_pdf

__all__ = ["build_hwp5", "build_hwpx", "build_pdf"]
