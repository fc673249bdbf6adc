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
NAME = "fraud-scoring-v7"


def described_package(status="Approved"):
    return {"ModelPackageName": "fraud-xgboost", "ModelPackageArn": PACKAGE, "ModelPackageVersion": 7,
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

    def expect_model_and_config(self):
        self.stub.add_response("describe_model_package", described_package(), {"ModelPackageName": PACKAGE})
        self.stub.add_response("create_model", {"ModelArn": f"arn:aws:sagemaker:us-east-1:111122223333:model/{NAME}"},
                               {"ModelName": NAME, "ExecutionRoleArn": ROLE, "PrimaryContainer": {"ModelPackageName": PACKAGE}})
        self.stub.add_response("create_endpoint_config",
                               {"EndpointConfigArn": f"arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/{NAME}"},
                               {"EndpointConfigName": NAME, "ProductionVariants": [{
                                   "VariantName": "AllTraffic", "ModelName": NAME, "InitialInstanceCount": 2,
                                   "InstanceType": "ml.m5.large"}]})

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
        self.stub.add_response("describe_endpoint", self.endpoint("fraud-scoring-v6"), {"EndpointName": "fraud-scoring"})
        self.stub.add_response("update_endpoint", {"EndpointArn": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/fraud-scoring"},
                               {"EndpointName": "fraud-scoring", "EndpointConfigName": NAME})
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
                                ({"role": None}, "needs 'role'")):
            with self.subTest(change=change), self.assertRaisesRegex(ed.DeploymentError, message):
                ed.deploy({**EVENT, **change}, self.client)

    def test_names_fit_sagemaker(self):
        self.assertEqual(ed.resource_name("a" * 70, "12"), "a" * 59 + "-v12")
        self.assertEqual(ed.resource_name("ab-" + "c" * 57 + "-d", "123"), "ab-" + "c" * 55 + "-v123")


if __name__ == "__main__":
    unittest.main()
