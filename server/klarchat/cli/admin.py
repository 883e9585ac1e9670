"""`klarchat admin create-user|set-password|delete-user`: staff accounts for the console.

The password is read from the terminal without echo, or as one line from standard input
when that is not a terminal (for provisioning scripts); it never appears on the command
line, where other users of the machine could read it in the process list.

Exit codes: 0 done, 2 a wrong name, role or password (or a name that exists already).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from pathlib import Path

from klarchat.cli.common import EXIT_BAD_CONFIG, Commands, UsageError
from klarchat.clock import clock_from_environment
from klarchat.config import Settings
from klarchat.operator.accounts import ROLES, AccountError, Accounts
from klarchat.store.factory import open_store


def register(commands: Commands) -> None:
    admin = commands.add_parser("admin", help="staff accounts for the operator console")
    actions = admin.add_subparsers(dest="admin_command", required=True)
    create = actions.add_parser("create-user", help="add an operator or admin")
    create.add_argument("name", help="login name: 1-64 of a-z 0-9 . _ -")
    create.add_argument("--role", choices=ROLES, default="operator")
    create.add_argument(
        "--display-name", help="the name visitors read when this person answers (default: NAME)"
    )
    password = actions.add_parser("set-password", help="give an account a new password")
    password.add_argument("name")
    delete = actions.add_parser("delete-user", help="remove an account and end its sessions")
    delete.add_argument("name")
    for parser in (create, password, delete):
        parser.add_argument("--data-dir", type=Path, help="folder holding klarchat.sqlite3")
        parser.set_defaults(run=run)


def _password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise UsageError("the two passwords differ")
    return first


def run(args: argparse.Namespace, settings: Settings) -> int:
    password = "" if args.admin_command == "delete-user" else _password()
    try:
        print(asyncio.run(_apply(args, settings, password)))
    except AccountError as exc:
        print(f"klarchat admin: {exc}", file=sys.stderr)
        return EXIT_BAD_CONFIG
    return 0


async def _apply(args: argparse.Namespace, settings: Settings, password: str) -> str:
    store = await open_store(settings)
    try:
        accounts = Accounts(store, clock_from_environment())
        if args.admin_command == "create-user":
            account = await accounts.create(
                args.name, args.display_name or args.name, args.role, password
            )
            return f"created {account.role} {account.username!r} ({account.display_name})"
        if args.admin_command == "delete-user":
            await accounts.delete(args.name)
            return f"deleted {args.name!r}; their sessions have ended"
        await accounts.set_password(args.name, password)
        return f"password changed for {args.name!r}"
    finally:
        await store.close()
