"""plc's endpoint deployment handler, for the built-in EndpointDeployment step type (a Lambda step):
deploys an approved model package version to a real-time endpoint.

Deploy this file as a Lambda function (handler endpoint_deployment.handler, a Python runtime,
which has boto3) whose role may call sagemaker:DescribeModelPackage, CreateModel,
CreateEndpointConfig, DescribeEndpoint, CreateEndpoint and UpdateEndpoint, and iam:PassRole on the
model's execution role. The step's arguments are the event:

  model_package   ModelPackageArn of a registered version (RegisterModel's output)
  endpoint_name   the endpoint to create, or to update when it exists
  role            the execution role of the SageMaker model
  instance_type, instance_count   the production variant's instances
  subnets, security_group_ids     optional: the model's VpcConfig (both or neither, lists of IDs)
  enable_network_isolation        optional: the model's EnableNetworkIsolation (default false)

It creates a model from the package (CreateModel with ModelPackageName: the package's containers,
with their environment and inference code), an endpoint config with one variant, and the
endpoint, or points the existing endpoint at the new config (UpdateEndpoint, which SageMaker rolls
out without downtime). Names are <endpoint>-v<version>-<hash>, the hash over everything the model
and config are made of (package ARN, role, network, instance type and count): a retried step finds
its model and config and reuses them, and a changed setting, or another package group's version
deployed to the same endpoint, gets a model and config of its own instead of silently reusing one. It returns
once SageMaker accepted the change (the endpoint is Creating or Updating; a Lambda function could
not wait the minutes that take): endpoint_name, endpoint_config_name, model_name and action
(created, updated, or unchanged for a retry after the update was accepted); the step type maps
model_name to its output.
"""
import hashlib
import json
import re

VARIANT = "AllTraffic"
NAME_LIMIT = 63  # SageMaker resource names: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}
HASH_LENGTH = 8  # hex digits of the settings' SHA-256 in a name


class DeploymentError(Exception):
    """A request the handler refuses, with what to change."""


def _text(event: dict, key: str) -> str:
    value = event.get(key)
    if not isinstance(value, str) or not value:
        raise DeploymentError(f"the event needs {key!r}, a non-empty string; got {value!r}")
    return value


def _count(event: dict) -> int:
    value = event.get("instance_count", 1)
    try:
        count = int(value)
    except (TypeError, ValueError):
        count = 0
    if isinstance(value, bool) or count < 1 or str(count) != str(value).strip():
        raise DeploymentError(f"instance_count must be a whole number of at least 1; got {value!r}")
    return count


def _ids(event: dict, key: str) -> list:
    value = event.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise DeploymentError(f"{key} must be a list of IDs (non-empty strings); got {value!r}")
    return value


def _network(event: dict) -> dict:
    """CreateModel's VpcConfig and EnableNetworkIsolation from the event (empty when not given)."""
    subnets, groups = _ids(event, "subnets"), _ids(event, "security_group_ids")
    if bool(subnets) != bool(groups):
        raise DeploymentError("subnets and security_group_ids go together (the model's VpcConfig needs both); "
                              f"got subnets {subnets!r} and security_group_ids {groups!r}")
    isolation = event.get("enable_network_isolation", False)
    if not isinstance(isolation, bool):
        raise DeploymentError(f"enable_network_isolation must be true or false; got {isolation!r}")
    return {**({"VpcConfig": {"Subnets": subnets, "SecurityGroupIds": groups}} if subnets else {}),
            **({"EnableNetworkIsolation": True} if isolation else {})}


def settings_hash(settings: dict) -> str:
    """A short digest of what the model and config are made of, so that different settings never share a name."""
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:HASH_LENGTH]


def resource_name(endpoint: str, version: str, digest: str) -> str:
    """<endpoint>-v<version>-<digest>, the endpoint cut to SageMaker's length without a trailing hyphen."""
    suffix = f"-v{version}-{digest}"
    return endpoint[:NAME_LIMIT - len(suffix)].rstrip("-") + suffix


def _exists(error) -> bool:
    """Whether a ClientError says the resource is already there (a retried step)."""
    message = error.response.get("Error", {}).get("Message", "")
    return error.response.get("Error", {}).get("Code") == "ValidationException" and "already exist" in message


def _missing(error) -> bool:
    message = error.response.get("Error", {}).get("Message", "")
    return error.response.get("Error", {}).get("Code") == "ValidationException" and "Could not find endpoint" in message


def deploy(event: dict, sagemaker) -> dict:
    from botocore.exceptions import ClientError  # botocore comes with boto3 in every Lambda Python runtime

    package = _text(event, "model_package")
    endpoint = _text(event, "endpoint_name")
    role = _text(event, "role")
    instance_type = _text(event, "instance_type")
    count = _count(event)
    network = _network(event)
    if not re.fullmatch(r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", endpoint):
        raise DeploymentError(f"endpoint_name {endpoint!r} is not a SageMaker endpoint name "
                              "(letters, digits and single hyphens, at most 63 characters)")
    described = sagemaker.describe_model_package(ModelPackageName=package)
    status = described.get("ModelApprovalStatus")
    if status != "Approved":
        raise DeploymentError(f"model package {package} is {status}; only an Approved version is deployed "
                              "(approve it in the model registry, or register it with approvalStatus Approved)")
    version = described.get("ModelPackageVersion")
    digest = settings_hash({"package": package, "role": role, "network": network,
                            "instance_type": instance_type, "instance_count": count})
    name = resource_name(endpoint, str(version) if version is not None else package.rsplit("/", 1)[-1], digest)

    try:
        sagemaker.create_model(ModelName=name, ExecutionRoleArn=role, PrimaryContainer={"ModelPackageName": package}, **network)
    except ClientError as error:
        if not _exists(error):
            raise
    try:
        sagemaker.create_endpoint_config(EndpointConfigName=name, ProductionVariants=[{
            "VariantName": VARIANT, "ModelName": name, "InitialInstanceCount": count, "InstanceType": instance_type,
        }])
    except ClientError as error:
        if not _exists(error):
            raise
    try:
        current = sagemaker.describe_endpoint(EndpointName=endpoint)
    except ClientError as error:
        if not _missing(error):
            raise
        current = None
    if current is None:
        sagemaker.create_endpoint(EndpointName=endpoint, EndpointConfigName=name)
        action = "created"
    elif current.get("EndpointConfigName") == name:
        action = "unchanged"  # a retry after the update was accepted
    else:
        sagemaker.update_endpoint(EndpointName=endpoint, EndpointConfigName=name)
        action = "updated"
    return {"endpoint_name": endpoint, "endpoint_config_name": name, "model_name": name, "action": action}


def handler(event, context):
    import boto3  # in the Lambda runtime; the tests call deploy() with a stubbed client

    return deploy(event, boto3.client("sagemaker"))
