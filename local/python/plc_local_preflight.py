"""Which modules the step scripts of a local run import that this Python cannot, and which of
the requirements their requirements.txt lists it lacks.

  python3 plc_local_preflight.py <scripts.json>
scripts.json: [{"step": name, "script": path, "code_dir": folder, "requirements": path?}, ...]
Prints {"<step>": {"modules": [...], "requirements": [...]}, ...} as JSON. Only imports at the top
of a module (and of the modules next to it that it imports) count: those fail before main() runs.
A requirements.txt is what SageMaker's runner pip-installs before the script
(compiler/kinds/processing/runner.ts); locally nothing is installed, so each requirement must be
met by this Python already: a distribution of that name, of a version the specifier allows.
"""
import ast
import importlib.metadata
import importlib.util
import json
import os
import re
import sys

try:
    from packaging.requirements import InvalidRequirement, Requirement
except ImportError:  # without packaging, only the distribution's presence is checked
    Requirement = None


def top_level_imports(path):
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    for node in tree.body:
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def missing_modules(script, code_dir):
    folders = [os.path.dirname(script), code_dir]
    missing, seen, queue = [], set(), [script]
    while queue:
        for name in top_level_imports(queue.pop()):
            if name in seen or name == "__future__":
                continue
            seen.add(name)
            local = [os.path.join(f, name + ".py") for f in folders if os.path.isfile(os.path.join(f, name + ".py"))]
            if local:
                queue.append(local[0])
            elif importlib.util.find_spec(name) is None:
                missing.append(name)
    return sorted(missing)


def unmet(line):
    """The requirement as written when this Python does not meet it (or it cannot be checked), else None."""
    if Requirement is None:
        name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", line)
        if not name:
            return f"{line} (not checked: not a requirement plc reads)"
        try:
            importlib.metadata.version(name.group(0))
            return None
        except importlib.metadata.PackageNotFoundError:
            return line
    try:
        requirement = Requirement(line)
    except InvalidRequirement:
        return f"{line} (not checked: not a requirement plc reads)"
    if requirement.marker is not None and not requirement.marker.evaluate():
        return None
    try:
        version = importlib.metadata.version(requirement.name)
    except importlib.metadata.PackageNotFoundError:
        return line
    if requirement.specifier and not requirement.specifier.contains(version, prereleases=True):
        return f"{line} (this Python has {version})"
    return None


def unmet_requirements(path):
    if not path:
        return []
    with open(path, encoding="utf-8") as f:
        lines = [line.split(" #")[0].strip() for line in f if not line.lstrip().startswith("#")]
    return [problem for problem in (unmet(line) for line in lines if line) if problem]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        scripts = json.load(f)
    print(json.dumps({s["step"]: {"modules": missing_modules(s["script"], s["code_dir"]), "requirements": unmet_requirements(s.get("requirements"))} for s in scripts}))


if __name__ == "__main__":
    main()
