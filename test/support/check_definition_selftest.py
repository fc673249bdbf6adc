"""Self-test of check_definition.py: it passes a good definition and catches single faults.

Run from /work/main:  python3 -m unittest test/support/check_definition_selftest.py
"""

import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # leave no __pycache__ in the project tree
import check_definition  # noqa: E402

CHECKER = os.path.join(HERE, "check_definition.py")
ORACLES = os.path.join(HERE, "..", "..", "fixtures", "sdk-oracles")
ROLE = "arn:aws:iam::123456789012:role/SageMakerRole"
IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/train:latest"
TRAIN_URI = "Steps.P.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"


def minimal_processing_step(name):
    """A small, valid Processing step (stands in for the oracles' DependsOn targets)."""
    return {
        "Name": name,
        "Type": "Processing",
        "Arguments": {
            "ProcessingResources": {"ClusterConfig": {
                "InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30}},
            "AppSpecification": {"ImageUri": IMAGE},
            "RoleArn": ROLE,
        },
    }


def valid_definition():
    """Processing P -> Training T, joined by a property reference; one Join; two parameters."""
    processing = minimal_processing_step("P")
    processing["Arguments"].update({
        "ProcessingInputs": [{
            "InputName": "raw",
            "AppManaged": False,
            "S3Input": {"S3Uri": {"Get": "Parameters.InputData"},
                        "LocalPath": "/opt/ml/processing/input",
                        "S3DataType": "S3Prefix", "S3InputMode": "File"},
        }],
        "ProcessingOutputConfig": {"Outputs": [{
            "OutputName": "train",
            "AppManaged": False,
            "S3Output": {"S3Uri": "s3://my-bucket/prep/train",
                         "LocalPath": "/opt/ml/processing/train",
                         "S3UploadMode": "EndOfJob"},
        }]},
    })
    processing["CacheConfig"] = {"Enabled": True, "ExpireAfter": "PT1H"}
    training = {
        "Name": "T",
        "Type": "Training",
        "Arguments": {
            "AlgorithmSpecification": {"TrainingImage": IMAGE, "TrainingInputMode": "File"},
            "RoleArn": ROLE,
            "HyperParameters": {
                "epochs": {"Std:Join": {"On": "", "Values": [{"Get": "Parameters.Epochs"}]}}},
            "InputDataConfig": [{
                "ChannelName": "train",
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": {"Get": TRAIN_URI}}},
            }],
            "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/models"},
            "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30},
            "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
        },
        "RetryPolicies": [{"ExceptionType": ["SageMaker.CAPACITY_ERROR"], "IntervalSeconds": 1,
                           "BackoffRate": 2.0, "MaxAttempts": 3}],
    }
    return {
        "Version": "2020-12-01",
        "Metadata": {},
        "Parameters": [
            {"Name": "InputData", "Type": "String", "DefaultValue": "s3://my-bucket/raw"},
            {"Name": "Epochs", "Type": "Integer", "DefaultValue": 10},
        ],
        "PipelineExperimentConfig": {"ExperimentName": {"Get": "Execution.PipelineName"},
                                     "TrialName": {"Get": "Execution.PipelineExecutionId"}},
        "Steps": [processing, training],
    }


def step(doc, name):
    return next(s for s in doc["Steps"] if s["Name"] == name)


def eleven_inputs(d):
    inputs = step(d, "P")["Arguments"]["ProcessingInputs"]
    inputs[:] = [dict(copy.deepcopy(inputs[0]), InputName=f"in{i}") for i in range(11)]


def delete_role(d):
    del step(d, "T")["Arguments"]["RoleArn"]


def cluster(d):
    return step(d, "P")["Arguments"]["ProcessingResources"]["ClusterConfig"]


def train_source(d):
    return step(d, "T")["Arguments"]["InputDataConfig"][0]["DataSource"]["S3DataSource"]


S3URI = "Arguments.ProcessingInputs[0].S3Input.S3Uri"
TRAIN_S3URI = "Arguments.InputDataConfig[0].DataSource.S3DataSource.S3Uri"
CLUSTER = "Arguments.ProcessingResources.ClusterConfig"

# (what, mutation of the valid definition, expected step, expected path, words in the message)
SINGLE_FAULTS = [
    ("unknown member", lambda d: step(d, "P")["Arguments"].update(ProcessingFoo=1),
     "P", "Arguments.ProcessingFoo", "unknown member 'ProcessingFoo'"),
    ("missing required member", delete_role,
     "T", "Arguments.RoleArn", "missing required member 'RoleArn'"),
    ("bad enum", lambda d: cluster(d).update(InstanceType="ml.m5.huge"),
     "P", CLUSTER + ".InstanceType", "is not one of"),
    ("pattern", lambda d: step(d, "T")["Arguments"].update(RoleArn="DummyRole"),
     "T", "Arguments.RoleArn", "does not match pattern"),
    ("range", lambda d: cluster(d).update(VolumeSizeInGB=0),
     "P", CLUSTER + ".VolumeSizeInGB", "below the minimum 1"),
    ("too many ProcessingInputs", eleven_inputs,
     "P", "Arguments.ProcessingInputs", "more than the maximum 10"),
    ("Join in an integer slot",
     lambda d: cluster(d).update(InstanceCount={"Std:Join": {"On": "", "Values": [{"Get": "Parameters.Epochs"}]}}),
     "P", CLUSTER + ".InstanceCount", "Std:Join yields a string"),
    ("Get of an undeclared parameter",
     lambda d: step(d, "P")["Arguments"]["ProcessingInputs"][0]["S3Input"].update(S3Uri={"Get": "Parameters.Nope"}),
     "P", S3URI + ".Get", "parameter 'Nope' is not declared"),
    ("Get of a bad property path",
     lambda d: train_source(d).update(S3Uri={"Get": "Steps.P.ProcessingOutputConfig.Outputz"}),
     "T", TRAIN_S3URI + ".Get", "'Outputz' is not a member of ProcessingOutputConfig"),
    ("DependsOn a missing step", lambda d: step(d, "T").update(DependsOn=["Missing"]),
     "T", "DependsOn[0]", "does not exist: 'Missing'"),
    ("duplicate step names", lambda d: d["Steps"].append(minimal_processing_step("P")),
     "P", "Name", "duplicate step name 'P'"),
    # Beyond the brief: envelope faults.
    ("wrong Version", lambda d: d.update(Version="2021-01-01"),
     None, "Version", "2020-12-01"),
    ("DefaultValue of the wrong type", lambda d: d["Parameters"][1].update(DefaultValue="10"),
     None, "Parameters[1].DefaultValue", "does not match Type Integer"),
    ("bad CacheConfig duration", lambda d: step(d, "P")["CacheConfig"].update(ExpireAfter="1 hour"),
     "P", "CacheConfig.ExpireAfter", "ISO-8601"),
    ("MaxAttempts out of range", lambda d: step(d, "T")["RetryPolicies"][0].update(MaxAttempts=21),
     "T", "RetryPolicies[0].MaxAttempts", "1..20"),
    ("PropertyFiles outside Std:JsonGet",
     lambda d: (step(d, "P").update(PropertyFiles=[{"PropertyFileName": "Report", "OutputName": "train",
                                                   "FilePath": "r.json"}]),
                train_source(d).update(S3Uri={"Get": "Steps.P.PropertyFiles.Report"})),
     "T", TRAIN_S3URI + ".Get", "only be referenced as the PropertyFile of a Std:JsonGet"),
    ("dependency cycle", lambda d: step(d, "P").update(DependsOn=["T"]),
     "P", "", "dependency cycle"),
]


class ValidDefinition(unittest.TestCase):
    def test_has_no_violations(self):
        self.assertEqual(check_definition.check_definition(valid_definition()), [])

    def test_property_file_through_json_get_is_accepted(self):
        doc = valid_definition()
        step(doc, "P")["PropertyFiles"] = [
            {"PropertyFileName": "Report", "OutputName": "train", "FilePath": "report.json"}]
        step(doc, "T")["Arguments"]["HyperParameters"]["lr"] = {"Std:JsonGet": {
            "PropertyFile": {"Get": "Steps.P.PropertyFiles.Report"}, "Path": "best.lr"}}
        self.assertEqual(check_definition.check_definition(doc), [])


def emr_definition():
    """An EMR step on a running cluster, ordered after P."""
    doc = valid_definition()
    doc["Steps"].append({"Name": "E", "Type": "EMR", "DependsOn": ["P"], "Arguments": {
        "ClusterId": "j-1ABCDEFGHIJKL",
        "StepConfig": {"HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "s3://b/job.py"]}}}})
    return doc


def emr_arguments(d):
    return step(d, "E")["Arguments"]


def emr_on_new_cluster(d, **members):
    args = emr_arguments(d)
    del args["ClusterId"]
    args.update(ClusterConfig={"Instances": {}}, **members)


# (what, mutation of emr_definition(), expected path in step E, words in the message)
EMR_FAULTS = [
    ("no cluster", lambda d: emr_arguments(d).pop("ClusterId"), "Arguments", "exactly one of ClusterId and ClusterConfig"),
    ("runtime role with a cluster config",
     lambda d: emr_on_new_cluster(d, ExecutionRoleArn="arn:aws:iam::123456789012:role/R"),
     "Arguments.ExecutionRoleArn", "only allowed with ClusterId"),
    ("unknown ClusterConfig member", lambda d: emr_on_new_cluster(d) or emr_arguments(d)["ClusterConfig"].update(Nodes=3),
     "Arguments.ClusterConfig.Nodes", "unknown member 'Nodes' of RunJobFlowInput"),
    ("StepConfig with a Name", lambda d: emr_arguments(d)["StepConfig"].update(Name="x"),
     "Arguments.StepConfig.Name", "unknown member 'Name'"),
    ("HadoopJarStep without a Jar", lambda d: emr_arguments(d)["StepConfig"]["HadoopJarStep"].pop("Jar"),
     "Arguments.StepConfig.HadoopJarStep.Jar", "missing required member 'Jar'"),
]


class EmrArguments(unittest.TestCase):
    def test_valid_emr_step(self):
        self.assertEqual(check_definition.check_definition(emr_definition()), [])

    def test_each_fault_gives_exactly_the_expected_violation(self):
        for what, mutate, want_path, words in EMR_FAULTS:
            with self.subTest(what):
                doc = emr_definition()
                mutate(doc)
                found = check_definition.check_definition(doc)
                self.assertEqual([(v["step"], v["path"]) for v in found], [("E", want_path)], json.dumps(found, indent=1))
                self.assertIn(words, found[0]["message"])


class SingleFaults(unittest.TestCase):
    def test_each_fault_gives_exactly_the_expected_violation(self):
        for what, mutate, want_step, want_path, words in SINGLE_FAULTS:
            with self.subTest(what):
                doc = valid_definition()
                mutate(doc)
                found = check_definition.check_definition(doc)
                self.assertEqual([(v["step"], v["path"]) for v in found], [(want_step, want_path)],
                                 json.dumps(found, indent=1))
                self.assertIn(words, found[0]["message"])


def wrap_oracle(filename, parameters):
    """An SDK oracle step inside an envelope, with its parameters and DependsOn steps supplied."""
    with open(os.path.join(ORACLES, filename)) as f:
        oracle = json.load(f)
    return {
        "Version": "2020-12-01",
        "Metadata": {},
        "Parameters": [{"Name": n, "Type": t} for n, t in parameters],
        "PipelineExperimentConfig": {"ExperimentName": {"Get": "Execution.PipelineName"},
                                     "TrialName": {"Get": "Execution.PipelineExecutionId"}},
        "Steps": [oracle] + [minimal_processing_step(n) for n in oracle["DependsOn"]],
    }


class SdkOracles(unittest.TestCase):
    """The SDK's own output passes, except where its tests used stand-in values."""

    def found(self, doc):
        return [(v["step"], v["path"]) for v in check_definition.check_definition(doc)]

    def test_processing_step(self):
        doc = wrap_oracle("processing-step.json", [
            ("ProcessingInputDataUri", "String"), ("InstanceCount", "Integer"), ("InstanceType", "String")])
        self.assertEqual(self.found(doc), [
            ("MyProcessingStep", "Arguments.RoleArn"),            # "DummyRole" is not an ARN
            ("MyProcessingStep", "PropertyFiles[0].OutputName"),  # names output "evaluation" it lacks
        ])

    def test_training_step(self):
        doc = wrap_oracle("training-step.json", [
            ("UseSpotInstances", "Boolean"), ("TrainingBatchSize", "Integer"),
            ("TrainingEpochs", "Integer"), ("DataSourceS3Uri", "String"),
            ("InstanceCount", "Integer"), ("InstanceType", "String")])
        self.assertEqual(self.found(doc), [("MyTrainingStep", "Arguments.RoleArn")])  # "DummyRole"

    def test_condition_and_lambda_definitions(self):
        # Whole SDK definitions; their only faults are the test helper CustomStep
        # (Type Training with empty Arguments), which lacks RoleArn and OutputDataConfig.
        for filename, custom_steps in [("condition-step-full-definition.json", ["MyStep1", "MyStep2", "MyStep0"]),
                                       ("lambda-outputs-full-definition.json", ["TestStep"])]:
            with self.subTest(filename), open(os.path.join(ORACLES, filename)) as f:
                expected = [(s, "Arguments." + m) for s in custom_steps for m in ("RoleArn", "OutputDataConfig")]
                self.assertEqual(self.found(json.load(f)), expected)


    def test_check_steps(self):
        # The SDK tests popped the S3Uri of some inputs and outputs, and "DummyRole" is not an ARN.
        parameters = [{"Name": n, "Type": "String"} for n in
                      ("MyModelPackageGroup", "SuppliedBaselineStatisticsUri", "SuppliedBaselineConstraintsUri", "BaselineDataset")]
        for filename, expected in [
            ("quality-check-steps.json", [
                ("DataQualityCheckStep", "Arguments.RoleArn"),
                ("DataQualityCheckStep", "Arguments.ProcessingInputs[1].S3Input.S3Uri"),
                ("DataQualityCheckStep", "Arguments.ProcessingInputs[2].S3Input.S3Uri"),
                ("ModelQualityCheckStep", "Arguments.RoleArn"),
                ("ModelQualityCheckStep", "Arguments.ProcessingInputs[0].S3Input.S3Uri"),
                ("ModelQualityCheckStep", "Arguments.ProcessingInputs[1].S3Input.S3Uri"),
                ("ModelQualityCheckStep", "Arguments.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri")]),
            ("clarify-check-steps.json", [(s, "Arguments.RoleArn") for s in
                                          ("DataBiasCheckStep", "ModelBiasCheckStep", "ModelExplainabilityCheckStep")]),
        ]:
            with self.subTest(filename), open(os.path.join(ORACLES, filename)) as f:
                doc = {"Version": "2020-12-01", "Metadata": {}, "Parameters": parameters, "Steps": json.load(f)}
                self.assertEqual(self.found(doc), expected)


def check_definition_with(step_name):
    """The SDK's clarify check steps with a real role, and one of them to break."""
    with open(os.path.join(ORACLES, "clarify-check-steps.json")) as f:
        steps = json.load(f)
    for s in steps:
        s["Arguments"]["RoleArn"] = "arn:aws:iam::123456789012:role/SageMakerRole"
    doc = {"Version": "2020-12-01", "Metadata": {}, "Parameters": [{"Name": "MyModelPackageGroup", "Type": "String"}], "Steps": steps}
    return doc, next(s for s in steps if s["Name"] == step_name)


CHECK_FAULTS = [
    ("a QualityCheck type on a ClarifyCheck", "DataBiasCheckStep", lambda s: s.update(CheckType="DATA_QUALITY"),
     "CheckType", "is not one of DATA_BIAS"),
    ("a flag that is a string", "DataBiasCheckStep", lambda s: s.update(SkipCheck="false"),
     "SkipCheck", "must be a boolean or an expression"),
    ("a flag reading an undefined parameter", "DataBiasCheckStep", lambda s: s.update(RegisterNewBaseline={"Get": "Parameters.Nope"}),
     "RegisterNewBaseline.Get", "Nope"),
    ("a model bias check without its model", "ModelBiasCheckStep", lambda s: s.pop("ModelName"),
     "ModelName", "needs the ModelName"),
    ("a data bias check with a model", "DataBiasCheckStep", lambda s: s.update(ModelName="m"),
     "ModelName", "takes no ModelName"),
    ("no result output", "ModelExplainabilityCheckStep", lambda s: s["Arguments"]["ProcessingOutputConfig"]["Outputs"][0]["S3Output"].update(LocalPath="/opt/ml/processing/out"),
     "Arguments.ProcessingOutputConfig", "/opt/ml/processing/output"),
]


class CheckSteps(unittest.TestCase):
    def test_valid_check_steps(self):
        self.assertEqual(check_definition.check_definition(check_definition_with("DataBiasCheckStep")[0]), [])

    def test_each_fault_gives_exactly_the_expected_violation(self):
        for what, step_name, mutate, want_path, words in CHECK_FAULTS:
            with self.subTest(what):
                doc, target = check_definition_with(step_name)
                mutate(target)
                found = check_definition.check_definition(doc)
                self.assertEqual([(v["step"], v["path"]) for v in found], [(step_name, want_path)], json.dumps(found, indent=1))
                self.assertIn(words, found[0]["message"])


class CommandLine(unittest.TestCase):
    def run_checker(self, *args):
        return subprocess.run([sys.executable, CHECKER, *args], capture_output=True, text=True)

    def test_prints_violations_and_exits_0(self):
        doc = valid_definition()
        delete_role(doc)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(doc, f)
        try:
            result = self.run_checker(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["violations"][0]["path"], "Arguments.RoleArn")

    def test_bad_usage_and_unreadable_input_exit_2(self):
        self.assertEqual(self.run_checker().returncode, 2)
        self.assertEqual(self.run_checker("/nonexistent/definition.json").returncode, 2)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            f.write("{not json")
        try:
            self.assertEqual(self.run_checker(f.name).returncode, 2)
        finally:
            os.unlink(f.name)


if __name__ == "__main__":
    unittest.main()
