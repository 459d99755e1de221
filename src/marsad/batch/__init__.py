"""Batch runs on a distributed engine (Dask): workers analyze partitions of articles, the driver collects.

Needs the `dask` extra (`pip install 'marsad[dask]'`); importing this package works without it,
running a batch says how to install it.
"""

from .engine import DEFAULT_PARTITION_SIZE, analyze_distributed, analyze_partitions, open_client
from .errors import BatchError, Messages
from .load import load_distributed

__all__ = ["DEFAULT_PARTITION_SIZE", "BatchError", "Messages", "analyze_distributed", "analyze_partitions", "load_distributed", "open_client"]
