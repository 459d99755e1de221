"""Batch-engine errors: one exception type, and every message it can carry, in one place."""

from __future__ import annotations

from ..errors import MarsadError


class BatchError(MarsadError):
    """A distributed batch that cannot run at all (no Dask, no scheduler, no pipeline on the workers)."""


class Messages:
    """Message templates; each says what is wrong and what to do."""

    NO_DASK = "the Dask engine needs dask.distributed; install it with `pip install 'marsad[dask]'`"
    CANNOT_CONNECT = "cannot reach the Dask scheduler at {address} ({reason}); check that `dask scheduler` runs there and the address is right"
    NO_WORKERS = "the Dask cluster has no workers; start some with `dask worker {address} --nthreads 1`"
    WORKER_PIPELINE = "cannot load the analysis pipeline on worker {worker} ({reason}); install the same Marsad on every worker"
    LOST_SCHEDULER = "lost the Dask scheduler in the middle of the batch ({reason}); what was written so far is kept, run the batch again"
    PARTITION_LOST = "analysis failed on the worker ({reason}); the article was skipped"
    BAD_OPTION = "{name} must be a positive integer, not {value!r}"
