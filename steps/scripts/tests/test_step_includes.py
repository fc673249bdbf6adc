"""Every built-in step ships the support modules its entry point imports, and only modules its
image can load.

A step's code is its entry point plus `script.include` (steps/*.step.yaml); a support module it
imports, directly or through another support module, but does not include fails in the job with
ModuleNotFoundError, which no other test here would notice: they run the scripts from this folder,
where every module is at hand.
"""
import ast
import os
import sys
import unittest

try:
    import yaml
except ImportError:  # PyYAML is not a dependency of the scripts themselves
    yaml = None

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STEPS_DIR = os.path.dirname(SCRIPTS_DIR)
# Third-party packages each image family has (beyond the standard library), as the support modules need them.
IMAGE_PACKAGES = {
    "sklearn": {"numpy", "pandas", "scipy", "sklearn"},
    "xgboost": {"numpy", "pandas", "scipy", "sklearn", "xgboost"},
    "pytorch": {"numpy", "pandas", "torch"},
}


def imports(path: str) -> set[str]:
    """Top-level names of the modules a Python file imports (absolute imports only)."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def local_closure(entry: str) -> set[str]:
    """Paths of the modules next to entry that it imports, directly or through each other."""
    folder, found, todo = os.path.dirname(entry), set(), [entry]
    while todo:
        for name in imports(todo.pop()):
            path = os.path.join(folder, name + ".py")
            if os.path.isfile(path) and path not in found and path != entry:
                found.add(path)
                todo.append(path)
    return found


def serving_code(entry: str) -> set[str]:
    """Paths of the modules a training script packages into its model for serving (its literal
    SERVING_CODE list, copied rather than imported), with what they import."""
    with open(entry, encoding="utf-8") as f:
        tree = ast.parse(f.read(), entry)
    names = [ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
             and any(isinstance(target, ast.Name) and target.id == "SERVING_CODE" for target in node.targets)]
    paths = {os.path.join(os.path.dirname(entry), name) for name in (names[0] if names else [])}
    return paths.union(*(local_closure(path) for path in paths))


def step_documents():
    for name in sorted(os.listdir(STEPS_DIR)):
        if name.endswith(".step.yaml"):
            with open(os.path.join(STEPS_DIR, name), encoding="utf-8") as f:
                yield name, yaml.safe_load(f)


@unittest.skipIf(yaml is None, "PyYAML is not installed")
class StepIncludesTest(unittest.TestCase):
    def test_include_lists_exactly_the_imported_support_modules(self):
        checked = 0
        for name, doc in step_documents():
            script = doc.get("script")
            if not script or "sourceDir" in script:  # a sourceDir ships its whole folder
                continue
            entry = os.path.join(STEPS_DIR, script["entryPoint"])
            included = {os.path.normpath(os.path.join(STEPS_DIR, p)) for p in script.get("include", [])}
            with self.subTest(step=name):
                self.assertEqual(sorted(os.path.relpath(p, STEPS_DIR) for p in included),
                                 sorted(os.path.relpath(p, STEPS_DIR) for p in local_closure(entry) | serving_code(entry)))
                for path in included:  # kept at the same relative path, so next to the entry point
                    self.assertEqual(os.path.dirname(path), os.path.dirname(entry))
            checked += 1
        self.assertGreater(checked, 10)

    def test_support_modules_load_in_the_step_images(self):
        stdlib = getattr(sys, "stdlib_module_names", None)
        if stdlib is None:
            self.skipTest("needs Python 3.10+ for sys.stdlib_module_names")
        for name, doc in step_documents():
            script = doc.get("script") or {}
            framework = (doc.get("compute", {}).get("image") or {}).get("framework")
            for path in script.get("include", []):
                if not path.endswith(".py"):
                    continue
                full = os.path.join(STEPS_DIR, path)
                local = {n for n in imports(full) if os.path.isfile(os.path.join(os.path.dirname(full), n + ".py"))}
                third_party = imports(full) - set(stdlib) - local - {"__future__"}
                with self.subTest(step=name, module=path):
                    self.assertIn(framework, IMAGE_PACKAGES, "an image family this test does not know")
                    self.assertLessEqual(third_party, IMAGE_PACKAGES[framework])


if __name__ == "__main__":
    unittest.main()
