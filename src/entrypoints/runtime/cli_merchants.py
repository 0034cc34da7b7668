"""`paygate merchants ...`: create a merchant, rotate its API key, disable it."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import timedelta

from entrypoints.runtime.settings import Settings


def _seconds(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more seconds")
    return value


def add_merchant_commands(merchants: argparse.ArgumentParser) -> None:
    commands = merchants.add_subparsers(dest="merchant_command", required=True)
    create = commands.add_parser(
        "create", help="create a merchant and print its API key (shown only once)"
    )
    create.add_argument("--email", required=True, help="the merchant's login email")
    create.add_argument("--json", action="store_true", help="print one JSON object")
    rotate = commands.add_parser(
        "rotate-key", help="issue a new API key (shown only once); the old ones stop working"
    )
    rotate.add_argument("--email", required=True, help="the merchant's login email")
    rotate.add_argument(
        "--keep-old-for",
        type=_seconds,
        default=0,
        metavar="SECONDS",
        help="how long the old keys keep working, to deploy the new one (default 0: at once)",
    )
    rotate.add_argument("--json", action="store_true", help="print one JSON object")
    disable = commands.add_parser(
        "disable", help="disable a merchant: no sign-in, every token it holds refused"
    )
    disable.add_argument("--email", required=True, help="the merchant's login email")


def run_merchant_command(settings: Settings, args: argparse.Namespace) -> None:
    from entrypoints.runtime import admin
    from paycore.errors import InvalidEmail, MerchantExists, MerchantNotFound

    email = args.email
    try:
        if args.merchant_command == "create":
            created = asyncio.run(admin.create_merchant(settings, email))
            merchant_id, api_key = created.merchant.id, created.api_key
        elif args.merchant_command == "rotate-key":
            keep = timedelta(seconds=args.keep_old_for)
            issued = asyncio.run(admin.rotate_key(settings, email, keep))
            merchant_id, api_key = issued.key.merchant_id, issued.secret
        else:
            disabled = asyncio.run(admin.disable_merchant(settings, email))
            print(f"merchant {disabled.email} disabled: its tokens and keys are refused")
            return
    except (InvalidEmail, MerchantExists, MerchantNotFound) as exc:
        reasons = {InvalidEmail: "is not a valid email", MerchantExists: "already exists"}
        sys.exit(f"paygate: merchant {email} {reasons.get(type(exc), 'does not exist')}")
    _print_key({"merchant_id": merchant_id, "email": email, "api_key": api_key}, args.json)


def _print_key(record: dict[str, str], as_json: bool) -> None:
    if as_json:
        print(json.dumps(record))
        return
    for key, value in record.items():
        print(f"{key}: {value}")
    print("Keep the API key now: only its hash is stored.")
