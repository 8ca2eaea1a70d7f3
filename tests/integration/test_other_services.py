"""Other services' packages against a real botocore client and the moto server: what botocore returns at run
time is what the types say, where the Stubber sweep cannot see it (it hands back whatever it is given).

* a streamed payload (S3's GetObject Body) is botocore's StreamingBody, typed so, read() gives bytes; the
  dataclass keeps it as it is;
* a paginator with several result keys (S3's ListObjectsV2: Contents and CommonPrefixes; DynamoDB's Scan,
  whose token is a map) pages through everything, typed by its response;
* every type checker of the matrix accepts code that reads the stream (and iterates a stream of events)
  and refuses code that takes it for bytes; with the async client, code that awaits aiobotocore's
  stream (and iterates its events with ``async for``), and refuses code that forgets to await.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.session
import pytest
from botocore.config import Config
from botocore.response import StreamingBody

from codegen.generate import GenerateOptions, build
from tests.conftest import forget_generated, import_generated, write_files
from tests.fixtures.automl import moto_server
from tests.integration.test_type_checkers import CHECKERS

NO_RETRIES = Config(retries={"total_max_attempts": 1})


def generated(root: Path, service: str, operations: str) -> Path:
    """The package for ``operations`` of ``service``, written under ``root``; returns its directory."""
    options = GenerateOptions(service=service, operations=operations)
    write_files(root, build(options)[1])
    return root / options.package_name


def import_package(root: Path, package: str, *modules: str) -> list[ModuleType]:
    forget_generated()  # the committed package, which other tests of this process imported
    return import_generated(root, *modules, package=package)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with moto_server() as url:
        yield url


def botocore_client(service: str, endpoint: str) -> Any:
    return botocore.session.get_session().create_client(
        service,
        region_name="us-east-1",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=NO_RETRIES,
    )


S3_OPERATIONS = "^(CreateBucket|PutObject|GetObject|ListObjectsV2|SelectObjectContent)$"


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ModuleType]]:
    root = tmp_path_factory.mktemp("s3")
    generated(root, "s3", S3_OPERATIONS)
    return root, import_package(root, "s3_typed", "client", "models")


def test_a_streamed_payload_is_a_streaming_body_at_run_time(s3: tuple[Path, list[ModuleType]], endpoint: str) -> None:
    _, (client_module, models) = s3
    client = client_module.S3Client(botocore_client("s3", endpoint))
    client.create_bucket(Bucket="streams")
    client.put_object(Bucket="streams", Key="data.csv", Body=b"a,b\n1,2\n")
    body = client.get_object(Bucket="streams", Key="data.csv")["Body"]
    assert isinstance(body, StreamingBody) and body.read() == b"a,b\n1,2\n"
    response = client.send(models.GetObjectRequest(bucket="streams", key="data.csv"))
    assert isinstance(response.body, StreamingBody) and response.body.read() == b"a,b\n1,2\n"


def test_a_paginator_with_several_result_keys_pages_through_all(
    s3: tuple[Path, list[ModuleType]], endpoint: str
) -> None:
    _, (client_module, _) = s3
    client = client_module.S3Client(botocore_client("s3", endpoint))
    client.create_bucket(Bucket="pages")
    keys = [f"top-{i}" for i in range(5)] + [f"dir-{i}/x" for i in range(3)]
    for key in keys:
        client.put_object(Bucket="pages", Key=key, Body=b"")
    paginator = client.get_paginator("list_objects_v2")
    assert not hasattr(paginator, "items")  # two result keys: pages only
    pages = list(paginator.paginate(Bucket="pages", Delimiter="/", MaxKeys=2))
    assert len(pages) > 2
    contents = [o["Key"] for page in pages for o in page.get("Contents", [])]
    prefixes = [p["Prefix"] for page in pages for p in page.get("CommonPrefixes", [])]
    assert sorted(contents) == [f"top-{i}" for i in range(5)]
    assert sorted(prefixes) == [f"dir-{i}/" for i in range(3)]


def test_a_paginator_whose_token_is_a_map(tmp_path: Path, endpoint: str) -> None:
    generated(tmp_path, "dynamodb", "^(CreateTable|PutItem|Scan)$")
    (client_module,) = import_package(tmp_path, "dynamodb_typed", "client")
    client = client_module.DynamoDBClient(botocore_client("dynamodb", endpoint))
    client.create_table(
        TableName="items",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    for i in range(7):
        client.put_item(TableName="items", Item={"id": {"S": f"item-{i}"}})
    pages = list(client.get_paginator("scan").paginate(TableName="items", Limit=2))
    assert len(pages) >= 4 and all(isinstance(p.get("LastEvaluatedKey", {}), dict) for p in pages)
    assert sorted(item["id"]["S"] for page in pages for item in page["Items"]) == [f"item-{i}" for i in range(7)]


READS_THE_STREAM = """\
from s3_typed.client import S3Client


def first_line(client: S3Client) -> bytes:
    response = client.get_object(Bucket="b", Key="k")
    if "Body" not in response:
        raise LookupError("no body")
    return response["Body"].read().split(b"\\n")[0]


def records(client: S3Client) -> int:
    response = client.select_object_content(
        Bucket="b",
        Key="k",
        Expression="select * from s3object",
        ExpressionType="SQL",
        InputSerialization={"CSV": {}},
        OutputSerialization={"CSV": {}},
    )
    count = 0
    for event in response.get("Payload") or []:
        if "Records" in event:
            count += len(event["Records"].get("Payload", b""))
    return count
"""

TAKES_IT_FOR_BYTES = """\
from s3_typed.client import S3Client


def first_line(client: S3Client) -> bytes:
    response = client.get_object(Bucket="b", Key="k")
    if "Body" not in response:
        raise LookupError("no body")
    body: bytes = response["Body"]  # error
    return body
"""


AWAITS_THE_STREAM = """\
from s3_typed.aio import AsyncS3Client


async def first_line(client: AsyncS3Client) -> bytes:
    response = await client.get_object(Bucket="b", Key="k")
    if "Body" not in response:
        raise LookupError("no body")
    return (await response["Body"].read()).split(b"\\n")[0]


async def records(client: AsyncS3Client) -> int:
    response = await client.select_object_content(
        Bucket="b",
        Key="k",
        Expression="select * from s3object",
        ExpressionType="SQL",
        InputSerialization={"CSV": {}},
        OutputSerialization={"CSV": {}},
    )
    count = 0
    payload = response.get("Payload")
    if payload is not None:
        async for event in payload:
            if "Records" in event:
                count += len(event["Records"].get("Payload", b""))
    return count
"""

FORGETS_TO_AWAIT = """\
from s3_typed.aio import AsyncS3Client


async def first_line(client: AsyncS3Client) -> bytes:
    response = await client.get_object(Bucket="b", Key="k")
    if "Body" not in response:
        raise LookupError("no body")
    data: bytes = response["Body"].read()  # error
    return data
"""


@pytest.mark.parametrize(
    ("program", "errors"),
    [(READS_THE_STREAM, []), (TAKES_IT_FOR_BYTES, [8]), (AWAITS_THE_STREAM, []), (FORGETS_TO_AWAIT, [8])],
    ids=["reads", "takes-it-for-bytes", "awaits", "forgets-to-await"],
)
@pytest.mark.parametrize("checker", CHECKERS)
def test_type_checkers_see_the_stream(
    s3: tuple[Path, list[ModuleType]], tmp_path: Path, checker: str, program: str, errors: list[int]
) -> None:
    """In every checker of the matrix (tests/integration/test_type_checkers.py), with botocore-stubs
    installed as the package's typing extra brings it."""
    root, _ = s3
    (tmp_path / "program.py").write_text(program)
    reported = CHECKERS[checker](tmp_path, root)
    found = sorted({line for name, line in reported if name == "program.py"})
    assert [r for r in reported if r[0] != "program.py"] == []
    if (checker, program) in SOMETIMES_UNSEEN:
        assert found in ([], errors)
    else:
        assert found == errors


# pyrefly 1.5 reads aiobotocore's types (types-aiobotocore's stubs) in a search-path package as Unknown
# in some environments (this machine's .venv) and typed in others (the copy of it the regeneration flow
# makes): a missing await is then unseen or seen; never anything else.
SOMETIMES_UNSEEN = {("pyrefly", FORGETS_TO_AWAIT)}
