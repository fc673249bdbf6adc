"""Drives a model's inference script over a batch transform's input, as SageMaker's batch
transform does against the serving container: model_fn once, then input_fn, predict_fn and
output_fn per request; SplitType Line makes each line a record, MultiRecord sends all records
of a file in one request, and the results are assembled one per line into <file>.out.

  python3 plc_local_transform.py <job.json>
job.json: {"script", "code_dir", "model_dir", "input_dir", "output_dir", "content_type",
           "accept", "split_type", "batch_strategy"}
"""
import importlib.util
import json
import logging
import os
import sys
import traceback


def load(script, code_dir):
    for folder in (code_dir, os.path.dirname(script)):
        if folder not in sys.path:
            sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location("inference", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def requests(text, split_type, batch_strategy):
    if split_type != "Line":
        return [text]
    records = [line for line in text.splitlines() if line.strip()]
    return ["\n".join(records)] if batch_strategy == "MultiRecord" else records


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        module = load(job["script"], job["code_dir"])
        model = module.model_fn(job["model_dir"])
        for root, _, names in sorted(os.walk(job["input_dir"])):
            for name in sorted(names):
                source = os.path.join(root, name)
                with open(source, encoding="utf-8") as f:
                    text = f.read()
                results = []
                for body in requests(text, job["split_type"], job["batch_strategy"]):
                    data = module.input_fn(body, job["content_type"])
                    results.append(module.output_fn(module.predict_fn(data, model), job["accept"]))
                target = os.path.join(job["output_dir"], os.path.relpath(source, job["input_dir"]) + ".out")
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "w", encoding="utf-8") as f:
                    f.write("\n".join(r.decode() if isinstance(r, bytes) else r for r in results) + "\n")
                logging.getLogger("plc-local").info("scored %s -> %s", source, target)
    except Exception as err:
        traceback.print_exc()
        print(f"plc-local: {type(err).__name__}: {err}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
