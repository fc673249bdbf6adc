"""plc built-in step Package: bundle a trained model for deployment.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads the
model (a model.tar.gz as a training step writes it, or an already-extracted
folder), optional calibration artifacts and optional inference code, and
writes one model.tar.gz:
  <model files>      at the root, as the training step wrote them
  calibration/...    the calibration input's files, if given
  code/...           the inference code's files, if given (code/inference.py
                     and code/requirements.txt are what SageMaker's framework
                     serving containers look for)
The archive is reproducible: entries sorted by name, mtime 0, mode 0644, no
owner, and a gzip header without a name or timestamp, so packaging the same
inputs again gives the same bytes.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import gzip
import hashlib
import json
import logging
import os
import shutil
import tarfile
import tempfile
import zlib

from plc_archives import write_reproducible_tar_gz
from plc_step import UserError, run_processing_job

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {
    "model": "/opt/ml/processing/input/model",
    "calibration": "/opt/ml/processing/input/calibration",
    "inference_code": "/opt/ml/processing/input/code_files",
}
OUTPUT_PATHS = {"packaged_model": "/opt/ml/processing/output/model"}
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {}
CLI_ARGS = {}

OPTIONAL_INPUTS = ("calibration", "inference_code")
MODEL_ARCHIVE = "model.tar.gz"  # the name SageMaker gives a training job's model artifact
# Where the optional inputs go inside the package.
PACKAGE_FOLDERS = {"calibration": "calibration", "inference_code": "code"}
GZIP_LEVEL = 6  # part of the byte-for-byte contract: changing it changes every package

logger = logging.getLogger("package")


def _member_name(archive: str, name: str) -> str:
    """A tar member's path without a leading ./, refused when it would leave the folder."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if name.startswith("/") or ".." in parts:
        raise UserError(f"{archive} holds an unsafe path {name!r}")
    return "/".join(parts)


def extract_model_archive(archive: str, dest: str) -> None:
    """Extract regular files and folders only; links and devices are refused, not followed."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            for member in tar:
                name = _member_name(archive, member.name)
                if not name:
                    continue  # the archive's own ./ entry
                target = os.path.join(dest, *name.split("/"))
                if member.isdir():
                    os.makedirs(target, exist_ok=True)
                elif member.isfile():
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    source = tar.extractfile(member)
                    with source, open(target, "wb") as out:
                        shutil.copyfileobj(source, out)
                else:
                    raise UserError(f"{archive} holds {member.name!r}, which is a link or special file; "
                                    "only regular files can be packaged")
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as err:  # not a (complete) tar.gz
        raise UserError(f"cannot read {archive}: {err}") from None


def _list_files(folder: str) -> dict[str, str]:
    """Relative path (with /) -> absolute path of every regular file under folder."""
    found = {}
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in names:
            path = os.path.join(root, name)
            if os.path.islink(path) or not os.path.isfile(path):
                raise UserError(f"{path} is a link or special file; only regular files can be packaged")
            found[os.path.relpath(path, folder).replace(os.sep, "/")] = path
    return found


def model_files(folder: str, scratch: str) -> dict[str, str]:
    """The model's files: the contents of folder/model.tar.gz when there is one, else the folder's."""
    if not os.path.isdir(folder):
        raise UserError(f"model input {folder} does not exist")
    archive = os.path.join(folder, MODEL_ARCHIVE)
    where = folder
    if os.path.isfile(archive):
        others = sorted(name for name in os.listdir(folder) if name != MODEL_ARCHIVE)
        if others:
            logger.warning("model input has %s; packaging only its contents and ignoring %s", MODEL_ARCHIVE, others)
        logger.info("extracting %s", archive)
        extract_model_archive(archive, scratch)
        folder, where = scratch, archive
    files = _list_files(folder)
    if not files:
        raise UserError(f"model input {where} holds no files")
    return files


def optional_files(name: str, folder: str | None) -> dict[str, str]:
    """Files of an optional input; an unbound input (no folder, or an empty one) gives none."""
    if not folder or not os.path.isdir(folder):
        logger.info("no %s input", name)
        return {}
    files = _list_files(folder)
    if not files:
        logger.info("the %s input %s is empty", name, folder)
    return files


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    """input_paths: model (required); calibration and inference_code may be missing or unset."""
    if not os.path.isdir(input_paths["model"]):  # before creating any folder
        raise UserError(f"model input {input_paths['model']} does not exist")
    out_dir = output_paths["packaged_model"]
    os.makedirs(out_dir, exist_ok=True)
    # Extract next to the output, on the job's storage volume, not in the container's small /tmp.
    scratch = tempfile.mkdtemp(prefix=".package-", dir=os.path.dirname(os.path.abspath(out_dir)))
    try:
        entries = model_files(input_paths["model"], scratch)
        counts = {"model": len(entries)}
        for name in OPTIONAL_INPUTS:
            files = optional_files(name, input_paths.get(name))
            counts[name] = len(files)
            if not files:
                continue
            prefix = PACKAGE_FOLDERS[name]
            clash = sorted(p for p in entries if p == prefix or p.startswith(prefix + "/"))
            if clash:
                raise UserError(f"the model already has {clash[0]!r}; it would clash with the {name} input "
                                f"packaged under {prefix}/")
            entries.update({f"{prefix}/{path}": source for path, source in files.items()})
        if counts["inference_code"] and not any(p.startswith("code/") and p.endswith(".py") for p in entries):
            logger.warning("the inference code has no .py file")
        archive = os.path.join(out_dir, MODEL_ARCHIVE)
        write_reproducible_tar_gz(archive, list(entries.items()), GZIP_LEVEL)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    summary = {
        "archive": archive,
        "files": counts,
        "entries": sorted(entries),
        "bytes": os.path.getsize(archive),
        "sha256": _sha256(archive),
    }
    logger.info("wrote %s: %d entries, %d bytes, sha256 %s", archive, len(entries), summary["bytes"], summary["sha256"])
    return summary


if __name__ == "__main__":
    # The "done" log line leaves out the list of entries.
    run_processing_job("Package", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS, OPTIONAL_ENV_VARS,
                       CLI_ARGS, describe=lambda summary: json.dumps({k: v for k, v in summary.items()
                                                                      if k != "entries"}))
