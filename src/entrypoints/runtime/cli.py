"""The `paygate` command: serve the gateway, run the bank simulator, manage merchants."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from entrypoints.runtime.cli_merchants import add_merchant_commands, run_merchant_command
from entrypoints.runtime.settings import SettingsError, load_settings

DESCRIPTION = """\
paygate: a payment gateway.

With no configuration `paygate serve` runs everything on this machine: an SQLite
file ./paygate.db, an in-process cache, a bank simulator in a child process, and
a demo merchant whose API key is printed on first start. Configure it with
PAYGATE_* environment variables or a .env file (PAYGATE_DATABASE_URL,
PAYGATE_REDIS_URL, PAYGATE_BANK_URL, PAYGATE_JWT_SECRET, ...).
"""
EXAMPLES = """examples:
  paygate serve                                   # embedded, http://127.0.0.1:8080
  paygate serve --host 0.0.0.0 --workers 4        # all interfaces, 4 worker processes
  paygate merchants create --email shop@example.com
  paygate merchants rotate-key --email shop@example.com --keep-old-for 3600
  paygate banksim --port 8081 --fail-rate 0.1     # the bank simulator alone

API docs of a running gateway: http://127.0.0.1:8080/schema/swagger
"""


def _at_least_one(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="paygate",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawTextHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the HTTP gateway (Ctrl-C stops it cleanly)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    serve.add_argument(
        "--workers",
        type=_at_least_one,
        default=1,
        help="worker processes (default 1); the bank simulator stays one",
    )

    # Its options belong to the simulator: `paygate banksim --help` lists them.
    commands.add_parser("banksim", help="run the bank simulator alone (--port 8081)")

    add_merchant_commands(commands.add_parser("merchants", help="manage merchants"))

    commands.add_parser("migrate", help="apply database migrations (serve does it too)")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["banksim"]:
        from banksim.cli import main as banksim_main

        banksim_main(argv[1:])
        return
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
        if args.command == "serve":
            from entrypoints.runtime.serve import serve

            serve(settings, host=args.host, port=args.port, workers=args.workers)
        elif args.command == "migrate":
            from entrypoints.runtime.admin import migrate

            for name in asyncio.run(migrate(settings)):
                print(f"applied {name}")
            print("database is up to date")
        else:
            run_merchant_command(settings, args)
    except SettingsError as exc:
        sys.exit(f"paygate: configuration error: {exc}")


if __name__ == "__main__":
    main()
