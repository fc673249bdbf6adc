"""Which modules the step scripts of a local run import that this Python cannot.

  python3 plc_local_preflight.py <scripts.json>
scripts.json: [{"step": name, "script": path, "code_dir": folder}, ...]
Prints {"<step>": ["missing module", ...], ...} as JSON. Only imports at the top of a module
(and of the modules next to it that it imports) count: those fail before main() runs.
"""
import ast
import importlib.util
import json
import os
import sys


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


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        scripts = json.load(f)
    print(json.dumps({s["step"]: missing_modules(s["script"], s["code_dir"]) for s in scripts}))


if __name__ == "__main__":
    main()
