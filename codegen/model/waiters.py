"""Waiters the model does not ship, as data.

botocore's ``waiters-2`` has no waiter for AutoML jobs, but users expect one
(the SageMaker SDK and sagemaker-core both have ``wait``). Each entry says
which Describe operation to poll, which member holds the status, and which
statuses end the wait; the generated client turns each into a ``wait_*``
method. A waiter is generated only when its operation is selected and has
the members the waiter reads (request: the name; response: status and reason).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WaiterSpec:
    name: str  # the generated method is wait_<name>, or another of names.WAITER_METHOD_FORMS if an operation has that
    operation: str  # the Describe operation polled
    name_member: str  # request member naming the resource
    status_member: str  # response member holding its status
    success: tuple[str, ...]
    failure: tuple[str, ...]  # raise, carrying reason_member
    stopped: tuple[str, ...]  # terminal but neither: return the description
    reason_member: str


WAITERS = (
    WaiterSpec(
        "auto_ml_job",
        "DescribeAutoMLJob",
        "AutoMLJobName",
        "AutoMLJobStatus",
        success=("Completed",),
        failure=("Failed",),
        stopped=("Stopped",),
        reason_member="FailureReason",
    ),
    WaiterSpec(
        "auto_ml_job_v2",
        "DescribeAutoMLJobV2",
        "AutoMLJobName",
        "AutoMLJobStatus",
        success=("Completed",),
        failure=("Failed",),
        stopped=("Stopped",),
        reason_member="FailureReason",
    ),
)


@dataclass(frozen=True, slots=True)
class JobSpec:
    """A job object over the client (``jobs.py``, ``aio_jobs.py``): the operations that create, stop
    and list the candidates of one kind of job, beside the waiter that polls its description.
    Generated only when all of them are selected and the waiter is."""

    class_name: str  # the sync class; the async one is Async<class_name>
    create: str
    waiter: str  # a WaiterSpec's name
    stop: str
    candidates: str  # the listing operation, which must have a paginator
    secondary_status_member: str
    best_candidate_member: str


JOBS = (
    JobSpec(
        "AutoMLJob",
        create="CreateAutoMLJob",
        waiter="auto_ml_job",
        stop="StopAutoMLJob",
        candidates="ListCandidatesForAutoMLJob",
        secondary_status_member="AutoMLJobSecondaryStatus",
        best_candidate_member="BestCandidate",
    ),
    JobSpec(
        "AutoMLJobV2",
        create="CreateAutoMLJobV2",
        waiter="auto_ml_job_v2",
        stop="StopAutoMLJob",
        candidates="ListCandidatesForAutoMLJob",
        secondary_status_member="AutoMLJobSecondaryStatus",
        best_candidate_member="BestCandidate",
    ),
)


@dataclass(frozen=True, slots=True)
class DeploymentSpec:
    """How a job object turns a candidate into a model behind an endpoint, as the SageMaker SDK's
    ``AutoMLV2.create_model`` / ``deploy`` do: the operations it calls and botocore's waiters it waits
    with. A job object gets ``model_request``, ``create_model``, ``deploy`` and ``undeploy`` only when all
    of them are selected and every member they send or read is in the model (codegen.model.build)."""

    create_model: str
    create_endpoint_config: str
    create_endpoint: str
    delete_endpoint: str
    delete_endpoint_config: str
    delete_model: str
    in_service_waiter: str  # botocore's waiter names
    deleted_waiter: str
    role_member: str  # the job description's role, the model's default execution role
    containers_member: str  # the candidate's inference containers
    definitions_member: str  # the same by processing unit (V2 image and text classification candidates)
    variants_member: str  # the endpoint configuration's production variants
    variant_members: frozenset[str]  # what deploy() puts in its one variant (InstanceType is typed by the model)

    def requests(self) -> dict[str, frozenset[str]]:
        """The request members each operation is called with (templates/_job_class.j2 writes them)."""
        return {
            self.create_model: frozenset({"ModelName", "Containers", "ExecutionRoleArn"}),
            self.create_endpoint_config: frozenset({"EndpointConfigName", self.variants_member}),
            self.create_endpoint: frozenset({"EndpointName", "EndpointConfigName"}),
            self.delete_endpoint: frozenset({"EndpointName"}),
            self.delete_endpoint_config: frozenset({"EndpointConfigName"}),
            self.delete_model: frozenset({"ModelName"}),
        }


DEPLOYMENT = DeploymentSpec(
    create_model="CreateModel",
    create_endpoint_config="CreateEndpointConfig",
    create_endpoint="CreateEndpoint",
    delete_endpoint="DeleteEndpoint",
    delete_endpoint_config="DeleteEndpointConfig",
    delete_model="DeleteModel",
    in_service_waiter="EndpointInService",
    deleted_waiter="EndpointDeleted",
    role_member="RoleArn",
    containers_member="InferenceContainers",
    definitions_member="InferenceContainerDefinitions",
    variants_member="ProductionVariants",
    variant_members=frozenset({"VariantName", "ModelName", "InitialInstanceCount", "InstanceType"}),
)
