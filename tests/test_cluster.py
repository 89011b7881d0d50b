"""The graded pieces of the implicit equations on a Dask distributed cluster.

A :class:`distributed.LocalCluster` with two worker processes stands in for a cluster: the
equations computed there (``executor=`` in Python, ``--cluster ADDRESS`` on the command
line) must be exactly those of the single-process run, and the pieces must really have run
on the workers.  A bad address is one line naming ``--cluster``, at once.
"""

from __future__ import annotations

import json
import socket
import time

import pytest
from distributed import Client, LocalCluster, get_task_stream

from lcnalg import FunctionSpace
from lcnalg.cli import common
from tests.cli.runner import run_quiet

#: Small architectures of both dimensions, with one and several generators, certified or not.
ARCHITECTURES = ("2,2 s=2", "3,2 s=2", "2,2,2 s=2,2", "2x2,2x2")


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as local:
        yield local


def answer(result) -> dict:
    """Everything a result says except how long it took."""
    data = result.to_dict() if not isinstance(result, dict) else dict(result)
    data.pop("seconds", None)
    return data


@pytest.mark.parametrize("arch", ARCHITECTURES)
def test_cluster_gives_the_single_process_equations(cluster, arch):
    with Client(cluster.scheduler_address, set_as_default=False) as client, get_task_stream(client) as stream:
        # the whole-ideal certificate runs in the main process either way: not part of this check
        remote = FunctionSpace(arch).implicit_equations(executor=client.get_executor(pure=False), certify=False)
        workers = set(client.scheduler_info()["workers"])
    alone = FunctionSpace(arch).implicit_equations(certify=False)
    assert answer(remote) == answer(alone)
    assert remote.equations == alone.equations and remote.certified == alone.certified
    pieces = [task for task in stream.data if "run_piece" in str(task["key"])]
    assert pieces, "no graded piece ran on the cluster"
    assert {task["worker"] for task in pieces} <= workers and len(workers) == 2


def test_inequalities_and_boundary_pass_the_executor_on(cluster):
    with Client(cluster.scheduler_address, set_as_default=False) as client, get_task_stream(client) as stream:
        executor = client.get_executor(pure=False)
        remote = (FunctionSpace("2,2,2 s=2,2").inequalities(executor=executor),
                  FunctionSpace("3,3 s=2").boundary(executor=executor))
    alone = FunctionSpace("2,2,2 s=2,2").inequalities(), FunctionSpace("3,3 s=2").boundary()
    assert [answer(r) for r in remote] == [answer(r) for r in alone]
    assert remote[0].equations and remote[1].closed
    assert any("run_piece" in str(task["key"]) for task in stream.data)


@pytest.mark.parametrize("command, arch", [("equations", "2x2,2x2"), ("equations", "3,2 s=2"),
                                           ("inequalities", "2,2 s=2"), ("boundary", "2,2,2 s=2,2")])
def test_cli_cluster_option_gives_the_same_answer(cluster, command, arch):
    extra = ["--no-certify"] if command == "equations" else []  # the certificate is not distributed
    code, out, err = run_quiet([command, arch, "--cluster", cluster.scheduler_address, "--json"] + extra)
    assert code == 0, err
    alone_code, alone_out, _ = run_quiet([command, arch, "--json"] + extra)
    assert alone_code == 0
    assert answer(json.loads(out)) == answer(json.loads(alone_out))


def closed_port() -> int:
    """A local TCP port on which nothing listens (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("address", ["x", "1000000000", "tcp://", "host:", ":8786", "udp://a:1", "a:99999",
                                     "a..b:1", "[::1:1", "９:1", "-a:1"])
def test_malformed_address_is_one_line_naming_the_option(address):
    code, out, err = run_quiet(["equations", "2,2 s=2", "--cluster", address])
    assert code == 2 and not out
    assert err.count("\n") == 1 and "--cluster" in err


def test_unreachable_scheduler_is_refused_at_once():
    start = time.perf_counter()
    code, out, err = run_quiet(["equations", "2,2 s=2", "--cluster", f"127.0.0.1:{closed_port()}"])
    assert code == 2 and not out
    assert err.count("\n") == 1 and "--cluster: no Dask scheduler reachable at tcp://127.0.0.1:" in err
    assert time.perf_counter() - start < 5


def test_scheduler_without_workers_is_refused_after_the_timeout(monkeypatch):
    monkeypatch.setattr(common, "CLUSTER_TIMEOUT", 1.0)
    with LocalCluster(n_workers=0, processes=False, protocol="tcp", dashboard_address=":0") as empty:
        start = time.perf_counter()
        code, out, err = run_quiet(["equations", "2,2 s=2", "--cluster", empty.scheduler_address])
    assert code == 2 and not out
    assert err.count("\n") == 1 and "has no worker after 1 s" in err and "--cluster" in err
    assert time.perf_counter() - start < 5
