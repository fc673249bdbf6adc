# `npm run bench` helper: runs each command of a plan and reports its CPU time (user + system),
# wall time and peak RSS. Node cannot read a child's resource usage; os.wait4 returns it exactly,
# for the child and every process it waited for, so cfn-lint (Python) is measured the same way.
import json
import os
import subprocess
import sys
import time

plan = json.load(sys.stdin)
results = []
for index, run in enumerate(plan):
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        child = subprocess.Popen(run["argv"], cwd=run["cwd"], stdin=subprocess.DEVNULL, stdout=null, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    results.append({
        "cpu": (usage.ru_utime + usage.ru_stime) * 1000,
        "wall": wall * 1000,
        "rssKiB": usage.ru_maxrss,
        "exit": child.returncode,
    })
    sys.stderr.write(f"\r{index + 1}/{len(plan)}")
sys.stderr.write("\n")
json.dump(results, sys.stdout)
