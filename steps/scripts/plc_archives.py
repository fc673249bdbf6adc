"""tar.gz archives for plc's built-in step scripts: safe extraction and reproducible writing.

Shipped next to a step's entry point through `script.include` in its step document, together
with plc_step.py, which it imports. Standard library only.

  safe_extract               extract a model.tar.gz without letting it write outside a folder
  write_reproducible_tar_gz  the same entries always give the same bytes
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import gzip
import io
import logging
import os
import tarfile

from plc_step import UserError


def safe_extract(archive: str, dest: str, logger: logging.Logger) -> None:
    """Extract regular files and folders only (others are skipped with a warning), refusing
    paths that leave dest."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = []
            for member in tar.getmembers():
                target = os.path.realpath(os.path.join(dest, member.name))
                if not (member.isfile() or member.isdir()):
                    logger.warning("skipping %s in %s: not a regular file", member.name, archive)
                    continue
                root = os.path.realpath(dest)
                if os.path.isabs(member.name) or not (target == root or target.startswith(root + os.sep)):
                    raise UserError(f"{archive} contains an unsafe path {member.name!r}")
                members.append(member)
            tar.extractall(dest, members=members)
    except (tarfile.TarError, EOFError, OSError) as err:
        raise UserError(f"cannot extract {archive}: {err}") from None


def write_reproducible_tar_gz(path: str, entries: list[tuple[str, str | bytes]], compresslevel: int = 9) -> None:
    """A gzipped tar of (archive name, source) pairs, where a source is a file's path or its bytes.

    Entries are sorted by name and carry fixed metadata (mtime 0, mode 0644, no owner), and the
    gzip header has no name or timestamp: the same entries always give the same bytes.
    """
    with open(path, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=compresslevel, mtime=0) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, source in sorted(entries, key=lambda entry: entry[0]):
            info = tarfile.TarInfo(name)
            info.size = len(source) if isinstance(source, bytes) else os.path.getsize(source)
            info.mtime = 0
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            if isinstance(source, bytes):
                tar.addfile(info, io.BytesIO(source))
            else:
                with open(source, "rb") as f:
                    tar.addfile(info, f)
