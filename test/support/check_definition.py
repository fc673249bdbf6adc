#!/usr/bin/env python3
"""Test oracle: is a SageMaker pipeline-definition JSON one the service would accept?

Usage:  python3 test/support/check_definition.py DEFINITION.json   (or "-" for stdin)

Prints {"violations": [{"step": <name|null>, "path": "<json path>", "message": "..."}]}
and exits 0 whenever the check ran (whatever it found); exits 2 on bad usage or
unreadable/invalid JSON input.

Sources of truth:
  * the envelope, expressions and property paths follow the SageMaker Python SDK
    (src/sagemaker/workflow/ in github.com/aws/sagemaker-python-sdk);
  * step Arguments and property paths are checked against the botocore API model
    installed on this machine (botocore/data/sagemaker/2017-07-24/service-2.json),
    loaded offline.

Paths are relative to the step named in "step" (e.g. "Arguments.RoleArn");
violations outside any step, or in a step without a usable Name, carry "step": null
and a path from the document root. Violations are listed in document order.
"""

import json
import re
import sys
import unicodedata
from functools import lru_cache

import botocore.session

# --------------------------------------------------------------------------- tables

# Step Type -> (botocore request shape, the job-name member the pipeline fills in).
# The name member is not required; it may still be given (SDK use_custom_job_prefix).
ARGUMENT_SHAPES = {
    "Processing": ("CreateProcessingJobRequest", "ProcessingJobName"),
    "Training": ("CreateTrainingJobRequest", "TrainingJobName"),
    "Transform": ("CreateTransformJobRequest", "TransformJobName"),
    "Model": ("CreateModelInput", "ModelName"),
    "Tuning": ("CreateHyperParameterTuningJobRequest", "HyperParameterTuningJobName"),
    "RegisterModel": ("CreateModelPackageInput", "ModelPackageName"),
    # Check steps run a processing job (the SDK's QualityCheckStep/ClarifyCheckStep arguments).
    "QualityCheck": ("CreateProcessingJobRequest", "ProcessingJobName"),
    "ClarifyCheck": ("CreateProcessingJobRequest", "ProcessingJobName"),
}

# Request members the SDK strips because the workflow service does not accept them (§2.6).
FORBIDDEN_ARGUMENTS = {"RegisterModel": {"CertifyForMarketplace"}}

# Step Type -> response shapes that `Steps.<name>.<path>` walks, as SDK `Properties` does.
# A "service:" prefix selects another botocore service model (EMR steps use emr's Step).
PROPERTY_SHAPES = {
    "Processing": ["DescribeProcessingJobResponse"],
    "Training": ["DescribeTrainingJobResponse"],
    "Transform": ["DescribeTransformJobResponse"],
    "Model": ["DescribeModelOutput"],
    "RegisterModel": ["DescribeModelPackageOutput"],
    # The SDK merges the tuning job's training-job listing into its properties (§2.4).
    "Tuning": ["DescribeHyperParameterTuningJobResponse",
               "ListTrainingJobsForHyperParameterTuningJobResponse"],
    "AutoML": ["DescribeAutoMLJobResponse"],
    "EndpointConfig": ["DescribeEndpointConfigOutput"],
    "Endpoint": ["DescribeEndpointOutput"],
    "EMR": ["emr:Step"],
}

# Step Type -> property paths that are fixed by the SDK rather than by a botocore shape.
FIXED_PROPERTIES = {
    "Condition": {"Outcome"},
    "QualityCheck": {"CalculatedBaselineConstraints", "CalculatedBaselineStatistics",
                     "BaselineUsedForDriftCheckStatistics", "BaselineUsedForDriftCheckConstraints"},
    "ClarifyCheck": {"CalculatedBaselineConstraints", "BaselineUsedForDriftCheckConstraints"},
    "AutoML": {"BestCandidateProperties.ModelInsightsJsonReportPath",
               "BestCandidateProperties.ExplainabilityJsonReportPath"},
}

# Step envelope (§2.5): keys every step may carry, and the extra keys per Type.
COMMON_STEP_KEYS = ["Name", "Type", "Arguments", "DependsOn", "DisplayName", "Description"]
CHECK_STEP_KEYS = ["CheckType", "ModelPackageGroupName", "SkipCheck", "FailOnViolation",
                   "RegisterNewBaseline", "SuppliedBaselineConstraints"]
EXTRA_STEP_KEYS = {
    "Processing": ["CacheConfig", "RetryPolicies", "PropertyFiles"],
    "Training": ["CacheConfig", "RetryPolicies"],
    "Transform": ["CacheConfig", "RetryPolicies"],
    "Tuning": ["CacheConfig", "RetryPolicies"],
    "AutoML": ["CacheConfig", "RetryPolicies"],
    "EMR": ["CacheConfig", "RetryPolicies"],
    "EndpointConfig": ["CacheConfig", "RetryPolicies"],
    "Endpoint": ["CacheConfig"],
    "Model": ["RetryPolicies"],
    "RegisterModel": ["RetryPolicies"],
    "Lambda": ["CacheConfig", "FunctionArn", "OutputParameters"],
    "Callback": ["CacheConfig", "SqsQueueUrl", "OutputParameters"],
    "ClarifyCheck": ["CacheConfig"] + CHECK_STEP_KEYS + ["ModelName"],
    "QualityCheck": ["CacheConfig"] + CHECK_STEP_KEYS + ["SuppliedBaselineStatistics"],
    "Condition": [],
    "Fail": [],
}

# Check steps (sagemaker-python-sdk src/sagemaker/workflow/quality_check_step.py, clarify_check_step.py):
# the CheckType values per Type, those that name the model Clarify serves, and how each member is typed.
CHECK_TYPES = {"QualityCheck": {"DATA_QUALITY", "MODEL_QUALITY"},
               "ClarifyCheck": {"DATA_BIAS", "MODEL_BIAS", "MODEL_EXPLAINABILITY"}}
CHECKS_WITH_MODEL = {"MODEL_BIAS", "MODEL_EXPLAINABILITY"}
CHECK_FLAGS = ["SkipCheck", "FailOnViolation", "RegisterNewBaseline"]
# The SDK writes None (null) for the ones not given.
CHECK_STRINGS = ["ModelPackageGroupName", "SuppliedBaselineConstraints", "SuppliedBaselineStatistics", "ModelName"]

TOP_LEVEL_KEYS = ["Version", "Metadata", "Parameters", "PipelineExperimentConfig", "Steps"]
PARAMETER_KEYS = ["Name", "Type", "DefaultValue", "EnumValues"]
PARAMETER_TYPES = {  # parameter Type -> accepted JSON (Python) types of DefaultValue
    "String": (str,), "Integer": (int,), "Float": (int, float), "Boolean": (bool,)}
EXECUTION_VARIABLES = {"StartDateTime", "CurrentDateTime", "PipelineName", "PipelineArn",
                       "PipelineExecutionId", "PipelineExecutionArn", "TrainingJobName",
                       "ProcessingJobName"}
RETRY_EXCEPTION_TYPES = {"Step.SERVICE_FAULT", "Step.THROTTLING", "SageMaker.JOB_INTERNAL_ERROR",
                         "SageMaker.CAPACITY_ERROR", "SageMaker.RESOURCE_LIMIT"}
BINARY_CONDITIONS = {"Equals", "GreaterThan", "GreaterThanOrEqualTo", "LessThan",
                     "LessThanOrEqualTo"}
OUTPUT_TYPES = {"String", "Integer", "Boolean", "Float"}
EXPRESSION_KEYS = ("Get", "Std:Join", "Std:JsonGet")

NAME_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")  # step and parameter names (§2.7)
METADATA_KEY_RE = re.compile(r"[A-Za-z0-9_-]{1,128}")
# ISO-8601 duration as the SDK's CacheConfig.expire_after takes it: P30D, PT1H, P1DT12H ...
DURATION_RE = re.compile(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")

# Scalar botocore types and the Python values json.load gives for them.
SCALAR_TYPES = {
    "string": (str,), "timestamp": (str,), "blob": (str,),
    "integer": (int,), "long": (int,),
    "float": (int, float), "double": (int, float),
    "boolean": (bool,),
}
STRING_RESULT_TYPES = {"string", "timestamp", "blob"}  # slots a Std:Join (a string) may fill


# --------------------------------------------------------------------------- helpers

@lru_cache(maxsize=None)
def service_model(name):
    # Loaded from the botocore data files installed on this machine: no network.
    return botocore.session.get_session().get_service_model(name)


def shape(name):
    service, _, shape_name = name.rpartition(":")
    return service_model(service or "sagemaker").shape_for(shape_name)


def member_path(path, member):
    return f"{path}.{member}" if path else member


def index_path(path, index):
    return f"{path}[{index}]"


def key_path(path, key):
    return f"{path}['{key}']"


def one_of(value, options):
    # Guards the set/dict lookups below against unhashable JSON values (objects, arrays).
    return isinstance(value, str) and value in options


def as_list(value):
    return value if isinstance(value, list) else []


def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def is_type(value, types):
    # bool is a subclass of int in Python; JSON keeps them apart.
    if isinstance(value, bool):
        return bool in types
    return isinstance(value, types)


def expression_kind(value):
    """'Get' / 'Std:Join' / 'Std:JsonGet' when value is a pipeline expression, else None."""
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        if key in EXPRESSION_KEYS:
            return key
    return None


def report(ctx, path, message):
    ctx["violations"].append({"step": ctx["step"],
                              "path": member_path(ctx["prefix"], path) if ctx["prefix"] and path else ctx["prefix"] or path,
                              "message": message})


def short(value):
    text = json.dumps(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --------------------------------------------------------------------------- Java regex

# botocore patterns are Java regexes without anchors. Python's re lacks \p{..} and
# Java's surrogate-pair ranges, and rejects a quantified "$" that Java allows.
JAVA_SUPPLEMENTARY_RANGE = r"\uD800\uDC00-\uDBFF\uDFFF"


@lru_cache(maxsize=None)
def compile_plain(pattern):
    # re.ASCII: Java's \d \w \s \b are ASCII-only by default.
    return re.compile(pattern, re.ASCII)


def pattern_matches(pattern, value):
    p = pattern.replace(JAVA_SUPPLEMENTARY_RANGE, r"\U00010000-\U0010FFFF")
    p = re.sub(r"\$\{\d+(,\d*)?\}", "$", p)
    p = p.replace(r"\p{Alnum}", "a-zA-Z0-9")  # POSIX class: ASCII in Java
    if r"\p{" not in p:
        return compile_plain(p).fullmatch(value) is not None

    # \p{L}, \p{N}, ... (always inside [...] in this model): expand each category to the
    # characters of `value` that belong to it, which is exact for matching this value.
    filler = next(chr(c) for c in range(0xD800, 0xE000) if chr(c) not in value)

    def expand(match):
        chars = sorted({c for c in value if unicodedata.category(c).startswith(match.group(1))})
        return "".join(re.escape(c) for c in chars) or filler

    return re.compile(re.sub(r"\\p\{([A-Z])\}", expand, p), re.ASCII).fullmatch(value) is not None


# --------------------------------------------------------------------------- expressions

def check_expression(ctx, value, path, in_json_get=False):
    """Check the inner structure of an expression and resolve its Get targets."""
    kind = expression_kind(value)
    body = value[kind]
    path = member_path(path, kind)
    if kind == "Get":
        if not isinstance(body, str) or not body:
            report(ctx, path, f"Get needs a non-empty string, got {short(body)}")
        else:
            resolve_get(ctx, body, path, in_json_get)
    elif kind == "Std:Join":
        if not isinstance(body, dict):
            report(ctx, path, "Std:Join needs an object {On, Values}")
            return
        for key in body:
            if key not in ("On", "Values"):
                report(ctx, member_path(path, key), f"unknown member '{key}' of Std:Join")
        if not isinstance(body.get("On"), str):
            report(ctx, member_path(path, "On"), "Std:Join.On must be a string")
        items = body.get("Values")
        if not isinstance(items, list):
            report(ctx, member_path(path, "Values"), "Std:Join.Values must be an array")
            return
        for i, item in enumerate(items):
            item_path = index_path(member_path(path, "Values"), i)
            if expression_kind(item):
                check_expression(ctx, item, item_path)
            elif item is None or isinstance(item, (dict, list)):
                report(ctx, item_path, f"Std:Join values must be literals or expressions, got {json_type(item)}")
    else:  # Std:JsonGet
        if not isinstance(body, dict):
            report(ctx, path, "Std:JsonGet needs an object {PropertyFile|S3Uri, Path}")
            return
        for key in body:
            if key not in ("PropertyFile", "S3Uri", "Path"):
                report(ctx, member_path(path, key), f"unknown member '{key}' of Std:JsonGet")
        if not isinstance(body.get("Path"), str):
            report(ctx, member_path(path, "Path"), "Std:JsonGet.Path must be a string")
        if ("PropertyFile" in body) == ("S3Uri" in body):
            report(ctx, path, "Std:JsonGet needs exactly one of PropertyFile and S3Uri")
        if "PropertyFile" in body:
            check_property_file_ref(ctx, body["PropertyFile"], member_path(path, "PropertyFile"))
        if "S3Uri" in body:
            s3_path = member_path(path, "S3Uri")
            if expression_kind(body["S3Uri"]) != "Std:Join":  # the SDK only builds Joins here
                report(ctx, s3_path, "Std:JsonGet.S3Uri must be a Std:Join")
            else:
                check_expression(ctx, body["S3Uri"], s3_path)


def check_property_file_ref(ctx, ref, path):
    """PropertyFile of a JsonGet: {"Get": "Steps.<p>.PropertyFiles.<name>"} or a bare name."""
    if isinstance(ref, str):
        declared = [name for s in ctx["steps"] if s["type"] == "Processing"
                    for name in s["property_files"]]
        if ref not in declared:
            report(ctx, path, f"no Processing step declares property file '{ref}'")
    elif expression_kind(ref) == "Get":
        check_expression(ctx, ref, path, in_json_get=True)
    else:
        report(ctx, path, "PropertyFile must be {\"Get\": \"Steps.<step>.PropertyFiles.<name>\"} or a property file name")


def resolve_get(ctx, target, path, in_json_get):
    root, _, rest = target.partition(".")
    if in_json_get and root != "Steps":
        report(ctx, path, f"Get '{target}': a JsonGet PropertyFile must be Steps.<step>.PropertyFiles.<name>")
        return
    if root == "Parameters":
        if rest not in ctx["parameters"]:
            report(ctx, path, f"Get '{target}': parameter '{rest}' is not declared")
    elif root == "Execution":
        if rest not in EXECUTION_VARIABLES:
            report(ctx, path, f"Get '{target}': '{rest}' is not an execution variable")
    elif root == "PipelineExperimentConfig":
        if rest not in ("ExperimentName", "TrialName"):
            report(ctx, path, f"Get '{target}': '{rest}' is not ExperimentName or TrialName")
    elif root == "Steps":
        resolve_step_property(ctx, target, rest, path, in_json_get)
    else:
        report(ctx, path, f"Get '{target}': '{root}' is not Parameters, Execution, PipelineExperimentConfig or Steps")


def resolve_step_property(ctx, target, rest, path, in_json_get):
    """Resolve `Steps.<name><prop>` (rest = "<name><prop>") against the step's Type."""
    match = re.match(r"[^.\[]+", rest)
    step_name = match.group(0) if match else ""
    prop = rest[len(step_name):]
    step = ctx["steps_by_name"].get(step_name)
    if step is None:
        report(ctx, path, f"Get '{target}': no step named '{step_name}'")
        return
    ctx["refs"].add(step_name)  # a data edge, for the cycle check
    problem = step_property_problem(step, prop, in_json_get)
    if problem:
        report(ctx, path, f"Get '{target}': {problem}")


def step_property_problem(step, prop, in_json_get):
    """Why `.prop` is not a property of `step`, or None when it is."""
    name, step_type = step["name"], step["type"]
    # Property files are only addressable as the PropertyFile of a Std:JsonGet.
    if prop.startswith(".PropertyFiles.") or prop == ".PropertyFiles":
        file_name = prop[len(".PropertyFiles."):]
        if not in_json_get:
            return "PropertyFiles may only be referenced as the PropertyFile of a Std:JsonGet"
        if step_type != "Processing":
            return f"step '{name}' is a {step_type} step; only Processing steps have PropertyFiles"
        if file_name not in step["property_files"]:
            return f"step '{name}' declares no property file '{file_name}'"
        return None
    if in_json_get:
        return "a JsonGet PropertyFile must be Steps.<step>.PropertyFiles.<name>"
    if not prop.startswith("."):
        return f"expected '.<property>' after step name '{name}'"
    if prop[1:] in FIXED_PROPERTIES.get(step_type, ()):
        return None
    if step_type in ("Lambda", "Callback"):
        match = re.fullmatch(r"\.OutputParameters\['([^']*)'\]", prop)
        if not match:
            return f"{step_type} steps only expose OutputParameters['<name>']"
        if match.group(1) not in step["output_parameters"]:
            return f"step '{name}' declares no output parameter '{match.group(1)}'"
        return None
    roots = PROPERTY_SHAPES.get(step_type)
    if roots is None:
        fixed = sorted(FIXED_PROPERTIES.get(step_type, ()))
        return (f"'{prop[1:]}' is not a property of {step_type} step '{name}'"
                + (f" (it has: {', '.join(fixed)})" if fixed else " (it has none)"))
    return shape_path_problem(step_type, roots, prop)


PROPERTY_TOKEN_RE = re.compile(r"\.([A-Za-z0-9_]+)|\[(\d+)\]|\['([^']*)'\]")


def shape_path_problem(step_type, roots, prop):
    """Walk `.Member`, `[int]`, `['name']` segments through response shapes, as SDK Properties."""
    tokens, pos = [], 0
    while pos < len(prop):
        match = PROPERTY_TOKEN_RE.match(prop, pos)
        if not match:
            return f"cannot parse property path at '{prop[pos:]}'"
        tokens.append(match)
        pos = match.end()
    first = tokens[0].group(1)  # prop starts with ".", so this is a member name
    found = [shape(r).members[first] for r in roots if first in shape(r).members]
    if not found:
        return f"'{first}' is not a property of {step_type} steps ({' / '.join(r.split(':')[-1] for r in roots)})"
    current, where = found[0], first
    for token in tokens[1:]:
        text, member, key = token.group(0), token.group(1), token.group(3)
        kind = current.type_name
        if member is not None and kind == "structure":
            if member not in current.members:
                return f"'{member}' is not a member of {where} ({current.name})"
            current = current.members[member]
        elif member is None and kind == "list":  # [0] or ['name'] (SDK keys lists by name too)
            current = current.member
        elif key is not None and kind == "map":
            current = current.value
        else:
            return f"segment '{text}' does not apply to {where} ({current.name}, a {kind})"
        where += text
    return None


# --------------------------------------------------------------------------- shapes

def check_shape(ctx, value, shp, path):
    """Check a JSON value against a botocore shape, recursively."""
    kind = shp.type_name
    expr = expression_kind(value)
    if expr:
        # Expressions are resolved at run time: only their result type is known here.
        if kind == "structure":
            report(ctx, path, f"{expr} cannot stand for a whole structure ({shp.name})")
        elif expr == "Std:Join" and kind not in STRING_RESULT_TYPES:
            report(ctx, path, f"Std:Join yields a string, but this slot is {kind} ({shp.name})")
        check_expression(ctx, value, path)
        return

    if kind == "structure":
        check_structure(ctx, value, shp, path)
    elif kind == "list":
        if not isinstance(value, list):
            report(ctx, path, f"expected array ({shp.name}), got {json_type(value)}")
            return
        check_size(ctx, len(value), shp, path, "items")
        for i, item in enumerate(value):
            check_shape(ctx, item, shp.member, index_path(path, i))
    elif kind == "map":
        if not isinstance(value, dict):
            report(ctx, path, f"expected object ({shp.name}), got {json_type(value)}")
            return
        check_size(ctx, len(value), shp, path, "entries")
        for key, item in value.items():
            check_scalar(ctx, key, shp.key, key_path(path, key), what="key ")
            check_shape(ctx, item, shp.value, key_path(path, key))
    else:
        check_scalar(ctx, value, shp, path)


def check_structure(ctx, value, shp, path, optional=(), forbidden=()):
    if not isinstance(value, dict):
        report(ctx, path, f"expected object ({shp.name}), got {json_type(value)}")
        return
    for key, item in value.items():
        if key not in shp.members:
            report(ctx, member_path(path, key), f"unknown member '{key}' of {shp.name}")
        elif key in forbidden:
            report(ctx, member_path(path, key), f"'{key}' is not accepted in a pipeline step")
        else:
            check_shape(ctx, item, shp.members[key], member_path(path, key))
    for key in shp.required_members:
        if key not in value and key not in optional:
            report(ctx, member_path(path, key), f"missing required member '{key}' of {shp.name}")
    if shp.metadata.get("union") and len(value) != 1:
        report(ctx, path, f"{shp.name} is a union: set exactly one of {', '.join(shp.members)}")


def check_size(ctx, size, shp, path, unit):
    low, high = shp.metadata.get("min"), shp.metadata.get("max")
    if low is not None and size < low:
        report(ctx, path, f"{size} {unit}, fewer than the minimum {low} of {shp.name}")
    if high is not None and size > high:
        report(ctx, path, f"{size} {unit}, more than the maximum {high} of {shp.name}")


def check_scalar(ctx, value, shp, path, what=""):
    kind = shp.type_name
    if not is_type(value, SCALAR_TYPES[kind]):
        report(ctx, path, f"expected {what}{kind} ({shp.name}), got {json_type(value)}")
        return
    meta = shp.metadata
    problems = []  # one violation per value, listing every constraint it breaks
    if isinstance(value, str):
        if "enum" in meta and value not in meta["enum"]:
            problems.append(f"is not one of its {len(meta['enum'])} allowed values")
        if "min" in meta and len(value) < meta["min"]:
            problems.append(f"is shorter than {meta['min']} characters")
        if "max" in meta and len(value) > meta["max"]:
            problems.append(f"is longer than {meta['max']} characters")
        if "pattern" in meta and not pattern_matches(meta["pattern"], value):
            problems.append(f"does not match pattern {meta['pattern']}")
    elif kind != "boolean":
        if "min" in meta and value < meta["min"]:
            problems.append(f"is below the minimum {meta['min']}")
        if "max" in meta and value > meta["max"]:
            problems.append(f"is above the maximum {meta['max']}")
    if problems:
        report(ctx, path, f"{what}{short(value)} ({shp.name}) " + "; ".join(problems))


def check_free_form(ctx, value, path):
    """Arguments with no botocore shape (Lambda inputs, EMR, ...): resolve every expression."""
    if expression_kind(value):
        check_expression(ctx, value, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_free_form(ctx, item, member_path(path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_free_form(ctx, item, index_path(path, i))


def check_operand(ctx, value, path):
    """A condition operand: a literal scalar or an expression."""
    if expression_kind(value):
        check_expression(ctx, value, path)
    elif value is None or isinstance(value, (dict, list)):
        report(ctx, path, f"expected a literal or an expression, got {json_type(value)}")


# --------------------------------------------------------------------------- steps

def collect_steps(steps, location, found, parent=None):
    """Flatten the step tree (Condition IfSteps/ElseSteps included) in document order."""
    if not isinstance(steps, list):
        return
    for i, step in enumerate(steps):
        where = index_path(location, i)
        info = {"where": where, "obj": step, "name": None, "type": None, "parent": parent,
                "property_files": set(), "output_parameters": set()}
        found.append(info)
        if not isinstance(step, dict):
            continue
        if isinstance(step.get("Name"), str):
            info["name"] = step["Name"]
        info["type"] = step["Type"] if isinstance(step.get("Type"), str) else None
        for pf in as_list(step.get("PropertyFiles")):
            if isinstance(pf, dict) and isinstance(pf.get("PropertyFileName"), str):
                info["property_files"].add(pf["PropertyFileName"])
        for op in as_list(step.get("OutputParameters")):
            if isinstance(op, dict) and isinstance(op.get("OutputName"), str):
                info["output_parameters"].add(op["OutputName"])
        args = step.get("Arguments")
        if info["type"] == "Condition" and isinstance(args, dict):
            for branch in ("IfSteps", "ElseSteps"):
                collect_steps(args.get(branch), f"{where}.Arguments.{branch}", found, info["name"])


def check_step(ctx, info):
    step = info["obj"]
    # Violations name the step; a step without a usable Name is located from the root.
    ctx["step"] = info["name"]
    ctx["prefix"] = None if info["name"] else info["where"]
    ctx["refs"] = set()
    if not isinstance(step, dict):
        report(ctx, "", f"a step must be an object, got {json_type(step)}")
        return
    step_type = info["type"]
    known_type = step_type in EXTRA_STEP_KEYS
    allowed = COMMON_STEP_KEYS + EXTRA_STEP_KEYS.get(step_type, [])
    for key in step:
        if known_type and key not in allowed:
            report(ctx, key, f"'{key}' is not a key of {step_type} steps")
    for key in ("Name", "Type", "Arguments"):
        if key not in step:
            report(ctx, key, f"missing required step key '{key}'")

    name = step.get("Name")
    if "Name" in step and not (isinstance(name, str) and NAME_RE.fullmatch(name)):
        report(ctx, "Name", f"step name {short(name)} does not match [A-Za-z0-9_-]{{1,64}}")
    elif info["name"] is not None and ctx["steps_by_name"][name] is not info:
        report(ctx, "Name", f"duplicate step name '{name}' (first at {ctx['steps_by_name'][name]['where']})")
    if "Type" in step and not known_type:
        report(ctx, "Type", f"unknown step Type {short(step['Type'])}")
    for key, limit in (("DisplayName", 256), ("Description", 3072)):  # StepDisplayName/StepDescription
        if key in step and not (isinstance(step[key], str) and len(step[key]) <= limit):
            report(ctx, key, f"{key} must be a string of at most {limit} characters")

    check_depends_on(ctx, step)
    if "CacheConfig" in step:
        check_cache_config(ctx, step["CacheConfig"])
    if "RetryPolicies" in step:
        check_retry_policies(ctx, step["RetryPolicies"])
    if step_type in ("Lambda", "Callback"):
        check_callback_keys(ctx, step, "FunctionArn" if step_type == "Lambda" else "SqsQueueUrl")
    if step_type in CHECK_TYPES:
        check_check_keys(ctx, step, step_type)

    args = step.get("Arguments")
    if "Arguments" not in step:
        pass  # already reported above
    elif not isinstance(args, dict):
        report(ctx, "Arguments", f"Arguments must be an object, got {json_type(args)}")
    elif step_type in ARGUMENT_SHAPES:
        request, job_name = ARGUMENT_SHAPES[step_type]
        check_structure(ctx, args, shape(request), "Arguments", optional={job_name},
                        forbidden=FORBIDDEN_ARGUMENTS.get(step_type, set()))
    elif step_type == "Condition":
        check_condition_arguments(ctx, args)
    elif step_type == "Fail":
        check_fail_arguments(ctx, args)
    elif step_type == "EMR":
        check_emr_arguments(ctx, args)
    else:
        check_free_form(ctx, args, "Arguments")

    # PropertyFiles last: the expected outputs come from the Arguments just checked.
    if "PropertyFiles" in step:
        check_property_files(ctx, step)
    info["refs"] = ctx["refs"]


def check_fail_arguments(ctx, args):
    for key, item in args.items():
        where = member_path("Arguments", key)
        if key != "ErrorMessage":
            report(ctx, where, f"unknown member '{key}' of Fail arguments")
        elif expression_kind(item):
            check_expression(ctx, item, where)  # a Std:Join is fine: the message is a string
        elif not isinstance(item, str):
            report(ctx, where, f"ErrorMessage must be a string or an expression, got {json_type(item)}")


def check_emr_arguments(ctx, args):
    """EMRStep (§2.6): ClusterId or ClusterConfig, and a StepConfig with only a HadoopJarStep.

    There is no request shape for the whole; the parts are emr shapes: HadoopJarStepConfig, and
    RunJobFlowInput for a ClusterConfig (whose Name the service fills in).
    """
    for key in args:
        if key not in ("ClusterId", "ClusterConfig", "ExecutionRoleArn", "StepConfig"):
            report(ctx, member_path("Arguments", key), f"unknown member '{key}' of EMR arguments")
    if ("ClusterId" in args) == ("ClusterConfig" in args):
        report(ctx, "Arguments", "EMR arguments need exactly one of ClusterId and ClusterConfig")
    if "ExecutionRoleArn" in args and "ClusterId" not in args:
        report(ctx, "Arguments.ExecutionRoleArn", "ExecutionRoleArn is only allowed with ClusterId")
    for key, shape_name in (("ClusterId", "emr:XmlStringMaxLen256"), ("ExecutionRoleArn", "emr:ArnType")):
        if key in args:
            check_shape(ctx, args[key], shape(shape_name), member_path("Arguments", key))
    if "ClusterConfig" in args:
        check_structure(ctx, args["ClusterConfig"], shape("emr:RunJobFlowInput"), "Arguments.ClusterConfig", optional={"Name"})
    config = args.get("StepConfig")
    if not isinstance(config, dict):
        report(ctx, "Arguments.StepConfig", "StepConfig must be an object {HadoopJarStep}")
        return
    for key in config:
        if key != "HadoopJarStep":  # the SDK sends neither Name nor ActionOnFailure
            report(ctx, member_path("Arguments.StepConfig", key), f"unknown member '{key}' of an EMR StepConfig")
    if "HadoopJarStep" not in config:
        report(ctx, "Arguments.StepConfig.HadoopJarStep", "missing 'HadoopJarStep' of StepConfig")
    else:
        check_shape(ctx, config["HadoopJarStep"], shape("emr:HadoopJarStepConfig"), "Arguments.StepConfig.HadoopJarStep")


def check_depends_on(ctx, step):
    if "DependsOn" not in step:
        return
    deps = step["DependsOn"]
    if not isinstance(deps, list):
        report(ctx, "DependsOn", "DependsOn must be an array of step names")
        return
    for i, dep in enumerate(deps):
        if not isinstance(dep, str):
            report(ctx, index_path("DependsOn", i), f"expected a step name, got {json_type(dep)}")
        elif dep not in ctx["steps_by_name"]:
            report(ctx, index_path("DependsOn", i), f"DependsOn names a step that does not exist: '{dep}'")
        else:
            ctx["refs"].add(dep)


def check_cache_config(ctx, cache):
    if not isinstance(cache, dict):
        report(ctx, "CacheConfig", "CacheConfig must be an object {Enabled, ExpireAfter?}")
        return
    for key in cache:
        if key not in ("Enabled", "ExpireAfter"):
            report(ctx, member_path("CacheConfig", key), f"unknown member '{key}' of CacheConfig")
    if not isinstance(cache.get("Enabled"), bool):
        report(ctx, "CacheConfig.Enabled", "CacheConfig.Enabled must be a boolean")
    if "ExpireAfter" in cache:
        expire = cache["ExpireAfter"]
        if not (isinstance(expire, str) and DURATION_RE.fullmatch(expire)):
            report(ctx, "CacheConfig.ExpireAfter", f"{short(expire)} is not an ISO-8601 duration (e.g. PT1H, P30D)")


def check_retry_policies(ctx, policies):
    if not isinstance(policies, list):
        report(ctx, "RetryPolicies", "RetryPolicies must be an array")
        return
    # (member, accepted types, low, high): the SDK's limits (§2.5).
    limits = [("IntervalSeconds", (int,), 0, None), ("BackoffRate", (int, float), 0, None),
              ("MaxAttempts", (int,), 1, 20), ("ExpireAfterMin", (int,), 0, 14400)]
    for i, policy in enumerate(policies):
        where = index_path("RetryPolicies", i)
        if not isinstance(policy, dict):
            report(ctx, where, "a retry policy must be an object")
            continue
        for key in policy:
            if key not in ("ExceptionType", "IntervalSeconds", "BackoffRate", "MaxAttempts", "ExpireAfterMin"):
                report(ctx, member_path(where, key), f"unknown member '{key}' of a retry policy")
        types = policy.get("ExceptionType")
        if not (isinstance(types, list) and types):
            report(ctx, member_path(where, "ExceptionType"), "ExceptionType must be a non-empty array")
        else:
            for j, t in enumerate(types):
                if not one_of(t, RETRY_EXCEPTION_TYPES):
                    report(ctx, index_path(member_path(where, "ExceptionType"), j),
                           f"{short(t)} is not one of {', '.join(sorted(RETRY_EXCEPTION_TYPES))}")
        for key, types_ok, low, high in limits:
            if key not in policy:
                continue
            value = policy[key]
            if not is_type(value, types_ok) or value < low or (high is not None and value > high):
                bound = f"{low}..{high}" if high is not None else f">= {low}"
                report(ctx, member_path(where, key), f"{key} must be a number in {bound}, got {short(value)}")
        if "MaxAttempts" in policy and "ExpireAfterMin" in policy:
            report(ctx, where, "give only one of MaxAttempts and ExpireAfterMin")


def check_property_files(ctx, step):
    files = step["PropertyFiles"]
    if not isinstance(files, list):
        report(ctx, "PropertyFiles", "PropertyFiles must be an array")
        return
    outputs = step.get("Arguments")
    for key in ("ProcessingOutputConfig", "Outputs"):
        outputs = outputs.get(key) if isinstance(outputs, dict) else None
    output_names = {o.get("OutputName") for o in as_list(outputs) if isinstance(o, dict)}
    seen = set()
    for i, pf in enumerate(files):
        where = index_path("PropertyFiles", i)
        if not isinstance(pf, dict):
            report(ctx, where, "a property file must be an object {PropertyFileName, OutputName, FilePath}")
            continue
        for key in pf:
            if key not in ("PropertyFileName", "OutputName", "FilePath"):
                report(ctx, member_path(where, key), f"unknown member '{key}' of a property file")
        for key in ("PropertyFileName", "OutputName", "FilePath"):
            if not isinstance(pf.get(key), str) or not pf.get(key):
                report(ctx, member_path(where, key), f"{key} must be a non-empty string")
        name = pf.get("PropertyFileName")
        if isinstance(name, str):
            if name in seen:
                report(ctx, member_path(where, "PropertyFileName"), f"duplicate property file '{name}'")
            seen.add(name)
        output = pf.get("OutputName")
        if isinstance(output, str) and output and output not in output_names:
            report(ctx, member_path(where, "OutputName"),
                   f"'{output}' is not an OutputName of ProcessingOutputConfig.Outputs")


def check_callback_keys(ctx, step, target_key):
    if not isinstance(step.get(target_key), str):
        report(ctx, target_key, f"{target_key} must be a string")
    outputs = step.get("OutputParameters")
    if not isinstance(outputs, list):
        report(ctx, "OutputParameters", "OutputParameters must be an array (possibly empty)")
        return
    for i, op in enumerate(outputs):
        where = index_path("OutputParameters", i)
        if not (isinstance(op, dict) and isinstance(op.get("OutputName"), str) and set(op) <= {"OutputName", "OutputType"}):
            report(ctx, where, "an output parameter must be {OutputName, OutputType?}")
        elif "OutputType" in op and not one_of(op["OutputType"], OUTPUT_TYPES):
            report(ctx, member_path(where, "OutputType"), f"{short(op['OutputType'])} is not one of {', '.join(sorted(OUTPUT_TYPES))}")


def check_check_keys(ctx, step, step_type):
    check_type = step.get("CheckType")
    if not one_of(check_type, CHECK_TYPES[step_type]):
        report(ctx, "CheckType", f"CheckType {short(check_type)} is not one of {', '.join(sorted(CHECK_TYPES[step_type]))}")
    for key in CHECK_FLAGS:
        value = step.get(key)
        if expression_kind(value):
            check_expression(ctx, value, key)
        elif key in step and not isinstance(value, bool):
            report(ctx, key, f"{key} must be a boolean or an expression, got {json_type(value)}")
    for key in CHECK_STRINGS:
        value = step.get(key)
        if expression_kind(value):
            check_expression(ctx, value, key)
        elif value is not None and not isinstance(value, str):
            report(ctx, key, f"{key} must be a string, an expression or null, got {json_type(value)}")
    if one_of(check_type, CHECKS_WITH_MODEL) and step.get("ModelName") is None:
        report(ctx, "ModelName", f"a {check_type} check needs the ModelName of the model Clarify serves")
    elif one_of(check_type, CHECK_TYPES[step_type] - CHECKS_WITH_MODEL) and "ModelName" in step:
        report(ctx, "ModelName", f"a {check_type} check runs no model, so it takes no ModelName")
    # The check reads the job's results from its output at /opt/ml/processing/output.
    outputs = step.get("Arguments", {}).get("ProcessingOutputConfig", {}).get("Outputs") if isinstance(step.get("Arguments"), dict) else None
    if not any(isinstance(o, dict) and isinstance(o.get("S3Output"), dict) and o["S3Output"].get("LocalPath") == "/opt/ml/processing/output" for o in as_list(outputs)):
        report(ctx, "Arguments.ProcessingOutputConfig", "a check job needs an output from /opt/ml/processing/output, where its results are written")


def check_condition_arguments(ctx, args):
    for key in args:
        if key not in ("Conditions", "IfSteps", "ElseSteps"):
            report(ctx, member_path("Arguments", key), f"unknown member '{key}' of Condition arguments")
    conditions = args.get("Conditions")
    if not isinstance(conditions, list):
        report(ctx, "Arguments.Conditions", "Conditions must be an array")
    else:
        for i, cond in enumerate(conditions):
            check_condition(ctx, cond, index_path("Arguments.Conditions", i))
    for branch in ("IfSteps", "ElseSteps"):  # the branch steps themselves are checked as steps
        if branch in args and not isinstance(args[branch], list):
            report(ctx, member_path("Arguments", branch), f"{branch} must be an array of steps")


def check_condition(ctx, cond, path):
    if not isinstance(cond, dict):
        report(ctx, path, "a condition must be an object")
        return
    kind = cond.get("Type")
    if not isinstance(kind, str):
        kind = None
    if kind in BINARY_CONDITIONS:
        members = {"LeftValue": check_operand, "RightValue": check_operand}
    elif kind == "In":
        members = {"QueryValue": check_operand, "Values": check_in_values}
    elif kind == "Not":
        members = {"Condition": check_condition}
    elif kind == "Or":
        members = {"Conditions": check_condition_list}
    else:
        report(ctx, member_path(path, "Type"), f"unknown condition Type {short(cond.get('Type'))}")
        return
    for key in cond:
        if key != "Type" and key not in members:
            report(ctx, member_path(path, key), f"unknown member '{key}' of the {kind} condition")
    for key, check in members.items():
        if key not in cond:
            report(ctx, member_path(path, key), f"missing '{key}' of the {kind} condition")
        else:
            check(ctx, cond[key], member_path(path, key))


def check_in_values(ctx, values, path):
    if not isinstance(values, list):
        report(ctx, path, "In.Values must be an array")
        return
    for i, item in enumerate(values):
        check_operand(ctx, item, index_path(path, i))


def check_condition_list(ctx, conditions, path):
    if not isinstance(conditions, list) or not conditions:
        report(ctx, path, "Or.Conditions must be a non-empty array")
        return
    for i, cond in enumerate(conditions):
        check_condition(ctx, cond, index_path(path, i))


# --------------------------------------------------------------------------- envelope

def check_parameters(ctx, params):
    if not isinstance(params, list):
        report(ctx, "Parameters", "Parameters must be an array")
        return
    seen = set()
    for i, param in enumerate(params):
        where = index_path("Parameters", i)
        if not isinstance(param, dict):
            report(ctx, where, "a parameter must be an object {Name, Type, DefaultValue?, EnumValues?}")
            continue
        for key in param:
            if key not in PARAMETER_KEYS:
                report(ctx, member_path(where, key), f"unknown member '{key}' of a parameter")
        name, ptype = param.get("Name"), param.get("Type")
        if not (isinstance(name, str) and NAME_RE.fullmatch(name)):
            report(ctx, member_path(where, "Name"), f"parameter name {short(name)} does not match [A-Za-z0-9_-]{{1,64}}")
        elif name in seen:
            report(ctx, member_path(where, "Name"), f"duplicate parameter name '{name}'")
        else:
            seen.add(name)
        if not one_of(ptype, PARAMETER_TYPES):
            report(ctx, member_path(where, "Type"), f"parameter Type {short(ptype)} is not String, Integer, Float or Boolean")
            continue
        if "DefaultValue" in param and not is_type(param["DefaultValue"], PARAMETER_TYPES[ptype]):
            report(ctx, member_path(where, "DefaultValue"),
                   f"DefaultValue {short(param['DefaultValue'])} does not match Type {ptype}")
        if "EnumValues" in param:
            enum = param["EnumValues"]
            if ptype != "String":
                report(ctx, member_path(where, "EnumValues"), "EnumValues are only allowed for String parameters")
            elif not (isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum)):
                report(ctx, member_path(where, "EnumValues"), "EnumValues must be a non-empty array of strings")
            elif "DefaultValue" in param and param["DefaultValue"] not in enum:
                report(ctx, member_path(where, "DefaultValue"),
                       f"DefaultValue {short(param['DefaultValue'])} is not one of EnumValues")


def check_experiment_config(ctx, config):
    if config is None:  # the SDK writes null when experiments are disabled
        return
    if not isinstance(config, dict):
        report(ctx, "PipelineExperimentConfig", "PipelineExperimentConfig must be an object or null")
        return
    for key in config:
        if key not in ("ExperimentName", "TrialName"):
            report(ctx, member_path("PipelineExperimentConfig", key), f"unknown member '{key}' of PipelineExperimentConfig")
    for key in ("ExperimentName", "TrialName"):
        where = member_path("PipelineExperimentConfig", key)
        if key not in config:
            report(ctx, where, f"missing '{key}' of PipelineExperimentConfig")
        elif expression_kind(config[key]):
            check_expression(ctx, config[key], where)
        elif not isinstance(config[key], str):
            report(ctx, where, f"{key} must be a string or an expression")


def check_metadata(ctx, metadata):
    if not isinstance(metadata, dict):
        report(ctx, "Metadata", "Metadata must be an object")
        return
    for key, value in metadata.items():
        if not METADATA_KEY_RE.fullmatch(key) or not (isinstance(value, str) and len(value) <= 1024):
            report(ctx, key_path("Metadata", key), "Metadata maps [A-Za-z0-9_-]{1,128} keys to strings of at most 1024 characters")


def find_cycle(steps):
    """First dependency cycle (DependsOn, Get references, condition branches), or None."""
    edges = {}
    for s in steps:
        if s["name"]:
            edges.setdefault(s["name"], set()).update(s.get("refs", ()))
            if s["parent"]:  # a branch step runs after its Condition
                edges[s["name"]].add(s["parent"])
    edges = {name: sorted(deps) for name, deps in edges.items()}
    state = {}

    def visit(name, trail):
        state[name] = "open"
        for dep in edges.get(name, ()):
            if state.get(dep) == "open":
                return trail[trail.index(dep):] + [dep]
            if dep not in state:
                found = visit(dep, trail + [dep])
                if found:
                    return found
        state[name] = "done"
        return None

    for name in edges:
        if name not in state:
            found = visit(name, [name])
            if found:
                return found
    return None


def check_definition(doc):
    """All violations of a parsed definition, in document order."""
    ctx = {"violations": [], "step": None, "prefix": None, "refs": set(),
           "parameters": set(), "steps": [], "steps_by_name": {}}
    if not isinstance(doc, dict):
        report(ctx, "", f"a pipeline definition must be an object, got {json_type(doc)}")
        return ctx["violations"]

    for key in doc:
        if key not in TOP_LEVEL_KEYS:
            report(ctx, key, f"unknown top-level key '{key}'")
    if doc.get("Version") != "2020-12-01":
        report(ctx, "Version", f"Version must be \"2020-12-01\", got {short(doc.get('Version'))}")
    if "Metadata" in doc:
        check_metadata(ctx, doc["Metadata"])
    params = doc.get("Parameters", [])
    check_parameters(ctx, params)
    if isinstance(params, list):
        ctx["parameters"] = {p["Name"] for p in params if isinstance(p, dict) and isinstance(p.get("Name"), str)}

    # Index the whole step tree first so that references may point forwards.
    collect_steps(doc.get("Steps"), "Steps", ctx["steps"])
    for info in ctx["steps"]:
        if info["name"] is not None:
            ctx["steps_by_name"].setdefault(info["name"], info)

    if "PipelineExperimentConfig" in doc:
        check_experiment_config(ctx, doc["PipelineExperimentConfig"])
    if not isinstance(doc.get("Steps"), list):
        report(ctx, "Steps", "Steps is required and must be an array")
    for info in ctx["steps"]:
        check_step(ctx, info)

    cycle = find_cycle(ctx["steps"])
    if cycle:
        ctx["step"], ctx["prefix"] = cycle[0], None
        report(ctx, "", "dependency cycle (DependsOn, Get references, condition branches): " + " -> ".join(cycle))
    return ctx["violations"]


def reject_constant(name):
    raise ValueError(f"{name} is not valid JSON")


def main(argv):
    if len(argv) != 2:
        print("usage: check_definition.py DEFINITION.json   (use - for stdin)", file=sys.stderr)
        return 2
    try:
        if argv[1] == "-":
            text = sys.stdin.read()
        else:
            with open(argv[1], encoding="utf-8") as f:
                text = f.read()
        doc = json.loads(text, parse_constant=reject_constant)  # NaN/Infinity are not JSON
    except (OSError, UnicodeDecodeError, ValueError) as e:
        print(f"check_definition.py: cannot read {argv[1]}: {e}", file=sys.stderr)
        return 2
    print(json.dumps({"violations": check_definition(doc)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
