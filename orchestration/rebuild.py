"""The rebuild of everything (`rasd run` without --partition): the same assets as the code
location, unpartitioned, in one run. Kept out of orchestration.definitions because a code
location holds one definition per asset key."""

from orchestration.definitions import definitions

REBUILD_JOB = "rasd_rebuild"

rebuild_defs = definitions(partitioned=False, job_name=REBUILD_JOB)
