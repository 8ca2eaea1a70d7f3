"""Configuring the clients as people do: typed settings, a botocore Config or session, a botocore client."""

# The test environment has aiobotocore's stubs (types-aiobotocore) but not aiobotocore itself.
# pyright: reportMissingModuleSource=false

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session as get_aio_session
from botocore.config import Config
from botocore.session import get_session

from sagemaker_automl.aio import AsyncAutoMLClient
from sagemaker_automl.client import AutoMLClient

tuned = AutoMLClient(region_name="eu-west-1", max_attempts=5, retry_mode="adaptive", connect_timeout=2.5, read_timeout=30)
from_config = AutoMLClient(config=Config(retries={"mode": "standard"}), session=get_session(), max_attempts=3)
wrapped = AutoMLClient(get_session().create_client("sagemaker", region_name="eu-west-1"))
asynchronous = AsyncAutoMLClient(config=AioConfig(connect_timeout=1), session=get_aio_session(), read_timeout=10)
