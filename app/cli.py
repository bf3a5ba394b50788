"""The ``formagent`` command: serve, migrate, create-account, seed-demo, copy-db,
update-disposable-domains."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys

from app.config import Settings


async def _with_db(settings, fn):
    from app.db import Database
    from app.db.migrate import migrate

    db = await Database.open(settings.db_path)
    try:
        await migrate(db)
        return await fn(db)
    finally:
        await db.close()


def cmd_migrate(args, settings) -> int:
    from app.db import Database
    from app.db.migrate import migrate

    async def run():
        db = await Database.open(settings.db_path)
        try:
            return await migrate(db)
        finally:
            await db.close()

    applied = asyncio.run(run())
    print(
        f"database {_shown(settings.db_path)}: "
        + (f"applied {', '.join(applied)}" if applied else "up to date")
    )
    return 0


def cmd_create_account(args, settings) -> int:
    from app.errors import AppError
    from app.services.accounts import account as accounts

    password = args.password or getpass.getpass("Password (8+ characters): ")
    try:
        account, _ = asyncio.run(
            _with_db(
                settings,
                lambda db: accounts.signup(
                    db,
                    settings,
                    email=args.email,
                    password=password,
                    name=args.name or "",
                    workspace_name=args.workspace or "",
                ),
            )
        )
    except AppError as exc:
        details = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
        print(f"error: {exc.message} {details}".strip(), file=sys.stderr)
        return 1
    print(f"created {account['id']} <{account['email']}>")
    return 0


def cmd_seed_demo(args, settings) -> int:
    from app.demo import seed_demo

    summary = asyncio.run(_with_db(settings, lambda db: seed_demo(db, settings)))
    print(summary)
    return 0


def cmd_copy_db(args, settings) -> int:
    from app.db.copy import CopyError, copy_database

    try:
        counts = copy_database(args.src, args.dst)
    except CopyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"copied {sum(counts.values())} rows in {len(counts)} tables;"
        " every table's row count matches"
    )
    return 0


def cmd_update_disposable_domains(args, settings) -> int:
    from app.services.capture import disposable

    directory = args.list_dir or disposable.DATA
    try:
        count = disposable.update_from(args.source, directory)
    except disposable.ListError as exc:
        print(f"error: {exc} The list was not changed.", file=sys.stderr)
        return 1
    print(f"disposable-domain list replaced: {count} domains ({directory}/{disposable.LIST_NAME})")
    return 0


def _shown(target) -> str:
    """A database for messages: a URL's password is not printed."""
    text = str(target)
    if "://" in text and "@" in text.split("://", 1)[1]:
        scheme, rest = text.split("://", 1)
        user, host = rest.rsplit("@", 1)
        return f"{scheme}://{user.split(':', 1)[0]}@{host}"
    return text


def cmd_serve(args, settings) -> int:
    import uvicorn

    from app.main import create_app

    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        access_log=not args.no_access_log,
        proxy_headers=False,
        log_level="info",
        # Live streams would hold shutdown open; clients resume by Last-Event-ID.
        timeout_graceful_shutdown=10,
    )
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="formagent", description="FormAgent server and tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the web server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-access-log", action="store_true")
    sub.add_parser("migrate", help="create or migrate the database")
    create = sub.add_parser("create-account", help="create an account with its first workspace")
    create.add_argument("--email", required=True)
    create.add_argument("--name")
    create.add_argument("--workspace")
    create.add_argument("--password", help="prompted for when omitted")
    sub.add_parser("seed-demo", help="fill a demo workspace with realistic data")
    copy = sub.add_parser(
        "copy-db",
        help="copy a database into a new one: SQLite file <-> postgresql:// URL",
    )
    copy.add_argument("src", help="a SQLite file or a postgresql:// URL")
    copy.add_argument("dst", help="a new SQLite file or an empty postgresql:// database")
    update = sub.add_parser(
        "update-disposable-domains",
        help="replace the disposable-email domain list (spam score) from a file or URL",
    )
    update.add_argument("source", help="a text file or an http(s) URL: one domain a line")
    update.add_argument("--list-dir", help="the directory holding the list (default: shipped)")
    args = parser.parse_args(argv)
    # copy-db names its databases itself: no data directory (nor secret key) needed.
    no_settings = ("copy-db", "update-disposable-domains")
    settings = None if args.command in no_settings else Settings.from_env()
    handler = {
        "serve": cmd_serve,
        "migrate": cmd_migrate,
        "create-account": cmd_create_account,
        "seed-demo": cmd_seed_demo,
        "copy-db": cmd_copy_db,
        "update-disposable-domains": cmd_update_disposable_domains,
    }[args.command]
    return handler(args, settings)


if __name__ == "__main__":
    sys.exit(main())
