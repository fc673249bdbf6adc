"""Drives a model's inference script over a batch transform's input, as SageMaker's batch
transform does against the serving container: model_fn once, then input_fn, predict_fn and
output_fn per request; SplitType Line makes each line a record, MultiRecord sends all records
of a file in one request, and the results are assembled into <file>.out, one per line with
AssembleWith Line. DataProcessing applies as SageMaker documents it
(https://docs.aws.amazon.com/sagemaker/latest/dg/batch-transform-data-processing.html): the input
filter selects what the model gets of each record, JoinSource Input joins each record with its
prediction (a CSV row gets the prediction's columns appended; a JSON object a SageMakerOutput
member), and the output filter selects what is written. CSV and JSON Lines records only.

  python3 plc_local_transform.py <job.json>
job.json: {"script", "code_dir", "model_dir", "input_dir", "output_dir", "content_type",
           "accept", "split_type", "batch_strategy", "assemble_with",
           "input_filter", "output_filter", "join_source"}
"""
import csv
import importlib.util
import io
import json
import re
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


STEP = re.compile(r"\.(\*|[A-Za-z_][A-Za-z0-9_-]*)|\[\s*([^\]]*?)\s*\]")


def parse_filter(text):
    """A JSONPath filter as steps: ("member", name), ("names", [...]), ("items", [index or slice]), ("all",)."""
    if not text.startswith("$"):
        raise ValueError(f"filter {text!r} does not start with $")
    steps, position = [], 1
    while position < len(text):
        match = STEP.match(text, position)
        if not match:
            raise ValueError(f"cannot read filter {text!r} at {text[position:]!r}")
        position = match.end()
        member, inside = match.group(1), match.group(2)
        if member == "*" or inside == "*":
            steps.append(("all",))
        elif member is not None:
            steps.append(("member", member))
        elif inside.startswith("'"):
            steps.append(("names", [part.strip().strip("'") for part in inside.split(",")]))
        else:
            items = []
            for part in (p.strip() for p in inside.split(",")):
                if ":" in part:
                    start, end = part.split(":", 1)
                    items.append(slice(int(start) if start else None, int(end) if end else None))
                else:
                    items.append(int(part))
            steps.append(("items", items))
    return steps


def select(steps, value):
    for step in steps:
        if step[0] == "all":
            value = list(value.values()) if isinstance(value, dict) else list(value)
        elif step[0] == "member":
            value = value[step[1]]
        elif step[0] == "names":
            value = value[step[1][0]] if len(step[1]) == 1 else {name: value[name] for name in step[1]}
        else:
            items = step[1]
            if len(items) == 1 and isinstance(items[0], int):
                value = value[items[0]]
            else:
                picked = []
                for item in items:
                    picked.extend(value[item] if isinstance(item, slice) else [value[item]])
                value = picked
    return value


class Records:
    """Reads and writes the records of one content type: CSV rows as lists, JSON Lines as values."""

    def __init__(self, content_type):
        kind = content_type.split(";")[0].strip().lower()
        if kind == "text/csv":
            self.csv = True
        elif kind in ("application/json", "application/jsonlines"):
            self.csv = False
        else:
            raise ValueError(f"DataProcessing runs locally on text/csv and application/json(lines) records, not {content_type}")

    def read(self, text):
        return next(csv.reader([text])) if self.csv else json.loads(text)

    def write(self, value):
        if not self.csv:
            return json.dumps(value, separators=(",", ":"))
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(value if isinstance(value, list) else [value])
        return out.getvalue()


def join(record, prediction, csv_rows):
    if csv_rows:
        return record + (prediction if isinstance(prediction, list) else [prediction])
    if isinstance(record, dict):
        return {**record, "SageMakerOutput": prediction}
    return {"SageMakerInput": record, "SageMakerOutput": prediction}


def as_text(result):
    return result.decode() if isinstance(result, bytes) else result


def score(module, model, job, bodies):
    """One result per request body, as output_fn returned it."""
    return [as_text(module.output_fn(module.predict_fn(module.input_fn(body, job["content_type"]), model), job["accept"])) for body in bodies]


def process(module, model, job, text):
    """The lines of <file>.out for one input file."""
    processing = any(job.get(key) for key in ("input_filter", "output_filter", "join_source"))
    if not processing:
        return score(module, model, job, requests(text, job["split_type"], job["batch_strategy"]))
    if job["split_type"] != "Line":
        raise ValueError("DataProcessing runs locally on SplitType Line only")
    reader, writer = Records(job["content_type"]), Records(job["accept"])
    records = [reader.read(line) for line in text.splitlines() if line.strip()]
    input_filter = parse_filter(job.get("input_filter") or "$")
    output_filter = parse_filter(job.get("output_filter") or "$")
    filtered = [reader.write(select(input_filter, r)) for r in records]
    results = score(module, model, job, ["\n".join(filtered)] if job["batch_strategy"] == "MultiRecord" else filtered)
    predictions = [line for result in results for line in result.splitlines() if line.strip()]
    if len(predictions) != len(records):
        raise ValueError(f"the model returned {len(predictions)} lines for {len(records)} records, so they cannot be joined")
    lines = []
    for record, prediction in zip(records, predictions):
        value = writer.read(prediction)
        if job.get("join_source") == "Input":
            value = join(record, value, reader.csv)
        lines.append(writer.write(select(output_filter, value)))
    return lines


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
                results = process(module, model, job, text)
                target = os.path.join(job["output_dir"], os.path.relpath(source, job["input_dir"]) + ".out")
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "w", encoding="utf-8") as f:
                    # AssembleWith Line ends each result with a newline; None concatenates them.
                    f.write("".join(r + "\n" for r in results) if job["assemble_with"] == "Line" else "".join(results))
                logging.getLogger("plc-local").info("scored %s -> %s", source, target)
    except Exception as err:
        traceback.print_exc()
        print(f"plc-local: {type(err).__name__}: {err}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
