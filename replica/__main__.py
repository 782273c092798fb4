"""`python -m replica --scale demo --port 8800`: serve the replica site until Ctrl-C."""

from __future__ import annotations

import argparse

from replica.generate import SCALES
from replica.server import serve_forever


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m replica", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument("--scale", choices=SCALES, default="demo")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crawl-delay", type=float, default=0.0, help="the Crawl-delay robots.txt announces")
    args = parser.parse_args(argv)
    serve_forever(args.host, args.port, args.scale, args.seed, args.crawl_delay)


if __name__ == "__main__":
    main()
