"""The `paygate` command: serve the gateway, run the bank simulator, manage merchants."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence

from entrypoints.runtime.settings import Settings, SettingsError, load_settings

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

    merchants = commands.add_parser("merchants", help="manage merchants")
    merchant_commands = merchants.add_subparsers(dest="merchant_command", required=True)
    create = merchant_commands.add_parser(
        "create", help="create a merchant and print its API key (shown only once)"
    )
    create.add_argument("--email", required=True, help="the merchant's login email")
    create.add_argument("--json", action="store_true", help="print one JSON object")

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
            _create_merchant(settings, args.email, as_json=args.json)
    except SettingsError as exc:
        sys.exit(f"paygate: configuration error: {exc}")


def _create_merchant(settings: Settings, email: str, *, as_json: bool) -> None:
    from entrypoints.runtime.admin import create_merchant
    from paycore.errors import InvalidEmail, MerchantExists

    try:
        created = asyncio.run(create_merchant(settings, email))
    except (InvalidEmail, MerchantExists) as exc:
        reason = "is not a valid email" if isinstance(exc, InvalidEmail) else "already exists"
        sys.exit(f"paygate: merchant {email} {reason}")
    record = {
        "merchant_id": created.merchant.id,
        "email": created.merchant.email,
        "api_key": created.api_key,
    }
    if as_json:
        print(json.dumps(record))
    else:
        for key, value in record.items():
            print(f"{key}: {value}")
        print("Keep the API key now: only its hash is stored.")


if __name__ == "__main__":
    main()
