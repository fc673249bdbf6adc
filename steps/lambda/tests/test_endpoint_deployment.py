"""endpoint_deployment.py against botocore's Stubber: each SageMaker request it makes is checked
against the API model (parameter names, types and patterns) and answered offline."""
import os
import sys
import unittest

try:
    import botocore.session
    from botocore.stub import Stubber
except ImportError:
    botocore = None
NO_BOTOCORE = "botocore is not installed, so the EndpointDeployment handler tests were NOT run (apt-get install python3-botocore)"

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import endpoint_deployment as ed  # noqa: E402

PACKAGE = "arn:aws:sagemaker:us-east-1:111122223333:model-package/fraud-xgboost/7"
ROLE = "arn:aws:iam::111122223333:role/SageMakerExecution"
EVENT = {"model_package": PACKAGE, "endpoint_name": "fraud-scoring", "role": ROLE,
         "instance_type": "ml.m5.large", "instance_count": 2}
SETTINGS = {"package": PACKAGE, "role": ROLE, "network": {}, "instance_type": "ml.m5.large", "instance_count": 2}
NAME = f"fraud-scoring-v7-{ed.settings_hash(SETTINGS)}"
SUBNETS, GROUPS = ["subnet-0abc"], ["sg-0def"]


def described_package(status="Approved", package=PACKAGE):
    return {"ModelPackageName": package.split("/")[-2], "ModelPackageArn": package, "ModelPackageVersion": int(package.split("/")[-1]),
            "ModelPackageStatus": "Completed", "ModelApprovalStatus": status,
            "CreationTime": "2026-01-01T00:00:00Z", "ModelPackageStatusDetails": {"ValidationStatuses": []}}


@unittest.skipUnless(botocore, NO_BOTOCORE)
class EndpointDeploymentTest(unittest.TestCase):
    def setUp(self):
        self.client = botocore.session.get_session().create_client(
            "sagemaker", region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
        self.stub = Stubber(self.client)
        self.stub.activate()
        self.addCleanup(self.stub.deactivate)

    def expect_model_and_config(self, name=NAME, package=PACKAGE, instance_type="ml.m5.large", network=None):
        self.stub.add_response("describe_model_package", described_package(package=package), {"ModelPackageName": package})
        self.stub.add_response("create_model", {"ModelArn": f"arn:aws:sagemaker:us-east-1:111122223333:model/{name}"},
                               {"ModelName": name, "ExecutionRoleArn": ROLE, "PrimaryContainer": {"ModelPackageName": package},
                                **(network or {})})
        self.stub.add_response("create_endpoint_config",
                               {"EndpointConfigArn": f"arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/{name}"},
                               {"EndpointConfigName": name, "ProductionVariants": [{
                                   "VariantName": "AllTraffic", "ModelName": name, "InitialInstanceCount": 2,
                                   "InstanceType": instance_type}]})

    def expect_update(self, previous, name):
        self.stub.add_response("describe_endpoint", self.endpoint(previous), {"EndpointName": "fraud-scoring"})
        self.stub.add_response("update_endpoint", {"EndpointArn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scoring"},
                               {"EndpointName": "fraud-scoring", "EndpointConfigName": name})

    def endpoint(self, config):
        return {"EndpointName": "fraud-scoring", "EndpointArn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scoring",
                "EndpointConfigName": config, "EndpointStatus": "InService",
                "CreationTime": "2026-01-01T00:00:00Z", "LastModifiedTime": "2026-01-01T00:00:00Z"}

    def test_a_new_endpoint_is_created(self):
        self.expect_model_and_config()
        self.stub.add_client_error("describe_endpoint", "ValidationException",
                                   'Could not find endpoint "arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scoring".',
                                   expected_params={"EndpointName": "fraud-scoring"})
        self.stub.add_response("create_endpoint", {"EndpointArn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scoring"},
                               {"EndpointName": "fraud-scoring", "EndpointConfigName": NAME})
        result = ed.deploy(dict(EVENT), self.client)
        self.assertEqual(result, {"endpoint_name": "fraud-scoring", "endpoint_config_name": NAME, "model_name": NAME, "action": "created"})
        self.stub.assert_no_pending_responses()

    def test_an_existing_endpoint_is_updated_to_the_new_config(self):
        self.expect_model_and_config()
        self.expect_update("fraud-scoring-v6-0123abcd", NAME)
        self.assertEqual(ed.deploy(dict(EVENT), self.client)["action"], "updated")
        self.stub.assert_no_pending_responses()

    def test_a_retry_reuses_the_model_and_config_and_leaves_the_endpoint(self):
        self.stub.add_response("describe_model_package", described_package(), {"ModelPackageName": PACKAGE})
        self.stub.add_client_error("create_model", "ValidationException",
                                   f'Cannot create already existing model "arn:aws:sagemaker:us-east-1:111122223333:model/{NAME}".')
        self.stub.add_client_error("create_endpoint_config", "ValidationException",
                                   f'Cannot create already existing endpoint configuration "{NAME}".')
        self.stub.add_response("describe_endpoint", self.endpoint(NAME), {"EndpointName": "fraud-scoring"})
        self.assertEqual(ed.deploy(dict(EVENT), self.client)["action"], "unchanged")
        self.stub.assert_no_pending_responses()

    def test_a_changed_instance_type_with_the_same_version_gets_a_new_config(self):
        # Before the settings hash, the name was fraud-scoring-v7 either way: "already exists" was
        # taken for a retry and the endpoint kept the old instance type ("unchanged").
        name = f"fraud-scoring-v7-{ed.settings_hash({**SETTINGS, 'instance_type': 'ml.c5.xlarge'})}"
        self.assertNotEqual(name, NAME)
        self.expect_model_and_config(name, instance_type="ml.c5.xlarge")
        self.expect_update(NAME, name)
        result = ed.deploy({**EVENT, "instance_type": "ml.c5.xlarge"}, self.client)
        self.assertEqual((result["action"], result["endpoint_config_name"]), ("updated", name))
        self.stub.assert_no_pending_responses()

    def test_the_same_version_of_another_package_group_gets_its_own_model(self):
        other = "arn:aws:sagemaker:us-east-1:111122223333:model-package/fraud-lightgbm/7"
        name = f"fraud-scoring-v7-{ed.settings_hash({**SETTINGS, 'package': other})}"
        self.assertNotEqual(name, NAME)
        self.expect_model_and_config(name, package=other)
        self.expect_update(NAME, name)
        result = ed.deploy({**EVENT, "model_package": other}, self.client)
        self.assertEqual((result["action"], result["model_name"]), ("updated", name))
        self.stub.assert_no_pending_responses()

    def test_the_network_settings_reach_the_model(self):
        network = {"VpcConfig": {"Subnets": SUBNETS, "SecurityGroupIds": GROUPS}, "EnableNetworkIsolation": True}
        name = f"fraud-scoring-v7-{ed.settings_hash({**SETTINGS, 'network': network})}"
        self.expect_model_and_config(name, network=network)
        self.expect_update(NAME, name)
        event = {**EVENT, "subnets": SUBNETS, "security_group_ids": GROUPS, "enable_network_isolation": True}
        self.assertEqual(ed.deploy(event, self.client)["model_name"], name)
        self.stub.assert_no_pending_responses()

    def test_an_unapproved_package_is_refused_before_anything_is_created(self):
        self.stub.add_response("describe_model_package", described_package("PendingManualApproval"), {"ModelPackageName": PACKAGE})
        with self.assertRaisesRegex(ed.DeploymentError, "is PendingManualApproval; only an Approved version"):
            ed.deploy(dict(EVENT), self.client)
        self.stub.assert_no_pending_responses()

    def test_other_service_errors_propagate(self):
        from botocore.exceptions import ClientError
        self.stub.add_response("describe_model_package", described_package(), {"ModelPackageName": PACKAGE})
        self.stub.add_client_error("create_model", "AccessDeniedException", "not authorized to perform iam:PassRole")
        with self.assertRaises(ClientError):
            ed.deploy(dict(EVENT), self.client)

    def test_event_errors(self):
        for change, message in (({"endpoint_name": ""}, "needs 'endpoint_name'"),
                                ({"endpoint_name": "fraud_scoring"}, "is not a SageMaker endpoint name"),
                                ({"instance_count": 0}, "at least 1"), ({"instance_count": "2.5"}, "whole number"),
                                ({"role": None}, "needs 'role'"),
                                ({"subnets": SUBNETS}, "go together"), ({"subnets": "subnet-0abc", "security_group_ids": GROUPS}, "must be a list"),
                                ({"enable_network_isolation": "yes"}, "true or false")):
            with self.subTest(change=change), self.assertRaisesRegex(ed.DeploymentError, message):
                ed.deploy({**EVENT, **change}, self.client)

    def test_names_fit_sagemaker(self):
        self.assertEqual(ed.resource_name("a" * 70, "12", "0123abcd"), "a" * 50 + "-v12-0123abcd")
        self.assertEqual(ed.resource_name("ab-" + "c" * 48 + "-d", "123", "0123abcd"), "ab-" + "c" * 46 + "-v123-0123abcd")
        self.assertEqual(len(ed.resource_name("a" * 63, "123456", ed.settings_hash(SETTINGS))), 63)


if __name__ == "__main__":
    unittest.main()
