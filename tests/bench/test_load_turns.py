"""bench/load.py: the portal and its floors take turns, each for the whole duration in all, and
a run's figures add up its turns (throughput over all of them, the worst percentiles)."""

from bench.load import alternated, combined


def test_the_portal_and_the_floor_take_turns_for_the_same_time():
    calls = []

    def run(name, seconds):
        calls.append((name, seconds))
        rps = 100 if name == "portal" else 200
        return {
            "requests": rps * seconds, "seconds": seconds, "non2xx": 0, "socket_errors": 0,
            "p50": 10 + len(calls), "p90": 20, "p95": 30, "p99": 40 + len(calls), "max": 50,
        }  # fmt: skip

    result = alternated(run, 60, 4)
    assert [name for name, _ in calls] == [
        "portal", "floor", "floor", "portal", "portal", "floor", "floor", "portal"
    ]  # fmt: skip
    assert {seconds for _, seconds in calls} == {15}
    assert result["portal"]["seconds"] == result["floor"]["seconds"] == 60
    assert result["portal"]["rps"] == 100 and result["floor"]["rps"] == 200
    assert result["portal"]["p99"] == 48  # the worst of its turns (the eighth call)
    assert result["floor"]["p50"] == 17


def test_a_failed_answer_in_any_turn_counts():
    turns = [
        {"requests": 10, "seconds": 1.0, "non2xx": 0, "socket_errors": 0, "p50": 1, "p90": 2,
         "p95": 3, "p99": 4, "max": 5},
        {"requests": 0, "seconds": 1.0, "non2xx": 2, "socket_errors": 1, "p50": 9, "p90": 9,
         "p95": 9, "p99": 9, "max": 9},
    ]  # fmt: skip
    total = combined(turns)
    assert (total["non2xx"], total["socket_errors"], total["requests"]) == (2, 1, 10)
    assert total["rps"] == 5.0 and total["max"] == 9
